#!/usr/bin/env bash
# End-to-end layer: the console served by `trunk serve` with its /api/ proxy to the real Flink
# started by scripts/test, driven by Playwright (playwright-core + Debian's chromium); and
# tests/scripts/flink-start.sh, how scripts/flink start fails (on a cluster of its own).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
source scripts/lib/trunk.sh

PORT=${E2E_CONSOLE_PORT:-18080}
config=$(trunk_config_for "$FLINK_REST_URL" "e2e-$PORT")
trunk --config "$config" serve --port "$PORT" --disable-address-lookup --no-autoreload > "$ARTIFACTS/e2e-trunk.log" 2>&1 &
trunk_pid=$!
trap 'kill $trunk_pid 2>/dev/null; wait $trunk_pid 2>/dev/null || true' EXIT
# While Trunk builds: scripts/flink start with a taken port, and failing after its launch, on a spare cluster.
tests/scripts/flink-start.sh
wait_for_http "http://127.0.0.1:$PORT/" 600 || { echo "trunk serve did not come up"; tail -20 "$ARTIFACTS/e2e-trunk.log"; exit 1; }

ln -sfn "$NODE_TOOLS_DIR/node_modules" e2e/node_modules
CONSOLE_URL="http://127.0.0.1:$PORT" node --test --test-concurrency=1 e2e/
