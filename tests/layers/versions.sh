#!/usr/bin/env bash
# Versions layer: every supported Flink line (FLINK_LINES in scripts/lib/versions.sh), one after
# the other, on a port of its own (the test cluster's + 100): a real cluster of that line with
# the demo jobs, the client against it in Node (tests/client_lines.rs) and the console against it
# in Chromium (e2e/lines.check.mjs, through `trunk serve`'s proxy), then the cluster is stopped
# before the next line starts. A failing line does not stop the others; the layer fails at the end.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
source scripts/lib/trunk.sh
ARTIFACTS=${ARTIFACTS:-$ROOT/test-artifacts}
mkdir -p "$ARTIFACTS"

PORT=$(( ${FLINK_REST_PORT:-18081} + 100 ))
URL="http://127.0.0.1:$PORT"
CONSOLE_PORT=${VERSIONS_CONSOLE_PORT:-18180}
LINES=${VERSIONS_LINES:-$FLINK_LINES}

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The cluster's URL is compiled in (as in the wasm-node layer): one build serves every line.
client_test=(env FLINK_REST_URL="$URL" cargo test --target wasm32-unknown-unknown --no-default-features --test client_lines)
"${client_test[@]}" --no-run || exit 1

config=$(trunk_config_for "$URL" "versions-$CONSOLE_PORT")
trunk --config "$config" serve --port "$CONSOLE_PORT" --disable-address-lookup --no-autoreload > "$ARTIFACTS/versions-trunk.log" 2>&1 &
trunk_pid=$!
stop_all() {
  FLINK_REST_PORT=$PORT scripts/flink stop >/dev/null 2>&1 || true
  kill $trunk_pid 2>/dev/null; wait $trunk_pid 2>/dev/null || true
}
trap stop_all EXIT
wait_for_http "http://127.0.0.1:$CONSOLE_PORT/" 600 || { echo "trunk serve did not come up"; tail -20 "$ARTIFACTS/versions-trunk.log"; exit 1; }
ln -sfn "$NODE_TOOLS_DIR/node_modules" e2e/node_modules

results=(); failed=0
for line in $LINES; do
  echo "=== Flink $line"
  start=$SECONDS
  log="$ARTIFACTS/versions-$line.log"
  export FLINK_VERSION=$line
  outcome=passed
  if ! { scripts/setup flink && FLINK_REST_PORT=$PORT FLINK_SLOTS=16 scripts/flink start; } > "$log" 2>&1; then
    outcome="FAILED (cluster did not start; $log)"
  elif ! "${client_test[@]}" >> "$log" 2>&1; then
    outcome="FAILED (client; $log)"
  elif ! CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT" FLINK_REST_URL="$URL" node --test e2e/lines.check.mjs >> "$log" 2>&1; then
    outcome="FAILED (console; $log)"
  fi
  FLINK_REST_PORT=$PORT scripts/flink stop >> "$log" 2>&1 || true
  [ "$outcome" = passed ] || failed=$((failed + 1))
  results+=("Flink $line: $outcome in $((SECONDS - start)) s")
  echo "${results[-1]}"
  grep -E "^test result|^# (pass|fail) " "$log" | sed 's/^/  /'
done

printf '%s\n' "${results[@]}"
[ "$failed" -eq 0 ]
