#!/usr/bin/env bash
# Browser layer: component tests (every tests/browser_*.rs) in headless Chromium through
# chromedriver, with wasm-bindgen-test. No Flink needed: components get their data directly.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
args=()
for f in tests/browser_*.rs; do args+=(--test "$(basename "$f" .rs)"); done
cargo test --target wasm32-unknown-unknown --no-default-features --features ui "${args[@]}"
