#!/usr/bin/env bash
# Deploy layer: the release build made for a sub-path (/console/), served by nginx same-origin
# with the real Flink, as in production. Checks it loads, talks to Flink and survives deep links.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/versions.sh
export DIST="$ROOT/target/dist-subpath" PUBLIC_URL=/console/ NGINX_PORT=${DEPLOY_PORT:-18088}
scripts/build | tee "$ARTIFACTS/build-sizes.txt"
scripts/serve-nginx start
trap 'scripts/serve-nginx stop' EXIT
source scripts/lib/env.sh
ln -sfn "$NODE_TOOLS_DIR/node_modules" e2e/node_modules
CONSOLE_URL="http://127.0.0.1:$NGINX_PORT/console" node --test e2e/deploy.check.mjs
