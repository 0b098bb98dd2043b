#!/usr/bin/env bash
# npm layer: builds and packs the npm package (scripts/npm-package), checks that the build leaves
# out the UI and that `npm publish --dry-run` and `cargo publish --dry-run` are clean, installs the
# tarball into a fresh project and runs tests/npm there with `node --test`: every method against
# the real Flink started by scripts/test (FLINK_REST_URL), TypeScript consumers, the README's
# example (ESM and CommonJS), a page in headless Chromium, and Vite and webpack apps built with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
: "${FLINK_REST_URL:?scripts/test exports FLINK_REST_URL}"
ARTIFACTS=${ARTIFACTS:-$ROOT/test-artifacts}

tarball=$(scripts/npm-package)

if cargo tree --offline --no-default-features --features npm --target wasm32-unknown-unknown -e normal --prefix none \
  | grep -iE '^(leptos|tachys|reactive_graph|console_error_panic_hook)'; then
  echo "the npm build depends on UI crates (above)"; exit 1
fi

publish=$(cd pkg/flink-console-client && npm publish --dry-run 2>&1)
# Without an npm login the dry run warns about that, and only that.
if grep -iE '^npm (warn|err)' <<<"$publish" | grep -v 'requires you to be logged in'; then
  echo "npm publish --dry-run is not clean:"; echo "$publish"; exit 1
fi
echo "npm publish --dry-run: $(grep -o 'total files: [0-9]*' <<<"$publish"), $(grep -o 'package size: .*' <<<"$publish")"

# The crate as a Rust user gets it: packaged from the files Cargo.toml includes, and built from that
# package alone with the client's features (the console's are built by every other layer).
# --allow-dirty: what is checked is the package's content, whether or not it is committed yet.
# The tests stay out of the package on purpose (they need this repository's fixtures and Flink).
cargo_publish=$(cargo publish --dry-run --allow-dirty --no-default-features 2>&1) \
  || { echo "cargo publish --dry-run failed:"; echo "$cargo_publish"; exit 1; }
if grep -iE '^(warning|error)' <<<"$cargo_publish" \
  | grep -vE 'aborting upload due to dry run|ignoring test `[a-z_]+` as `tests/.*` is not included in the published package'; then
  echo "cargo publish --dry-run is not clean:"; echo "$cargo_publish"; exit 1
fi
echo "cargo publish --dry-run: $(grep -o 'Packaged .*' <<<"$cargo_publish")"

project=$ARTIFACTS/npm-project
rm -rf "$project" && mkdir -p "$project"
cp -r tests/npm/. "$project/"
printf '{ "name": "npm-layer", "private": true, "type": "module" }\n' > "$project/package.json"
(cd "$project" && npm install --silent --no-audit --no-fund --offline "$tarball")
ln -sfn "$NODE_TOOLS_DIR/node_modules/playwright-core" "$project/node_modules/playwright-core"

# The jar scripts/flink built for the line under test (it keeps one per Flink version).
demo_jar=$(ls -t .flink/demo/demo-"$FLINK_VERSION"-*.jar | head -1)
crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cd "$project"
REPO_ROOT=$ROOT DEMO_JAR="$ROOT/$demo_jar" CRATE_VERSION=$crate_version TSC="$NODE_TOOLS_DIR/node_modules/typescript/bin/tsc" ARTIFACTS=$ARTIFACTS \
  node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
