#!/usr/bin/env bash
# wasm-node layer: the typed client (tests/client_node.rs) compiled to WebAssembly and run in
# Node.js against the real Flink that scripts/test started at FLINK_REST_URL. A second, throwaway
# cluster (no demo jobs, REST port FLINK_REST_PORT + 10) is started here for shut_down_cluster and
# always stopped afterwards, so its pid files are cleaned even when the test shut it down itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh

: "${FLINK_REST_URL:?FLINK_REST_URL is not set: run this layer with scripts/test wasm-node}"
: "${FLINK_REST_PORT:?FLINK_REST_PORT is not set: run this layer with scripts/test wasm-node}"
SECOND_PORT=$((FLINK_REST_PORT + 10))
export SECOND_FLINK_REST_URL="http://127.0.0.1:$SECOND_PORT"
ARTIFACTS=${ARTIFACTS:-$PWD/test-artifacts}
mkdir -p "$ARTIFACTS"
second_log="$ARTIFACTS/wasm-node-second-flink.log"

# The second cluster starts (≈ 30 s) while the test compiles.
FLINK_REST_PORT=$SECOND_PORT FLINK_DEMO_JOBS=0 scripts/flink start > "$second_log" 2>&1 &
second_start=$!
cleanup() {
  wait "$second_start" 2>/dev/null || true  # never stop a cluster that is still being launched
  FLINK_REST_PORT=$SECOND_PORT scripts/flink stop >> "$second_log" 2>&1 || true
}
trap cleanup EXIT

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo_test=(cargo test --target wasm32-unknown-unknown --no-default-features --test client_node)
"${cargo_test[@]}" --no-run

if ! wait "$second_start"; then
  echo "the second Flink cluster (port $SECOND_PORT) did not start:" >&2
  tail -20 "$second_log" >&2
  exit 1
fi
"${cargo_test[@]}"
