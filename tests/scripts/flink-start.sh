#!/usr/bin/env bash
# scripts/flink start when it cannot succeed: a taken port (the REST port, then a derived one) is
# named with what holds it before anything is launched, and a start that fails after launching
# (a JobManager that could not bind its REST port after all; a TaskManager that cannot register
# in the time allowed) stops every process it started, so the next start on those ports works. Run by the e2e layer; its own cluster on
# FLINK_START_TEST_PORT (default 18890; derived ports 19890..19893).
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh

PORT=${FLINK_START_TEST_PORT:-18890}
CONF="$ROOT/.flink/$PORT/conf"
OUT=$(mktemp)
holder=""
failures=0

cleanup() {
  [ -z "$holder" ] || kill "$holder" 2>/dev/null
  FLINK_REST_PORT=$PORT scripts/flink stop >/dev/null 2>&1 || true
  rm -f "$OUT"
}
trap cleanup EXIT

fail() { echo "not ok - $*"; failures=$((failures + 1)); }
ok() { echo "ok - $*"; }

# Java processes of this cluster: their command line names its config directory.
cluster_java() { pgrep -f -- "--configDir $CONF" || true; }

start() { # env... -> runs scripts/flink start for the test cluster; output in $OUT, exit status returned
  env FLINK_REST_PORT="$PORT" FLINK_DEMO_JOBS=0 "$@" scripts/flink start > "$OUT" 2>&1
}

occupy() { # port -> a listener of our own on it, its pid in $holder
  python3 -m http.server --bind 127.0.0.1 "$1" > /dev/null 2>&1 &
  holder=$!
  for _ in $(seq 1 50); do
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
    sleep 0.1
  done
  echo "could not occupy port $1"; exit 1
}

release() { kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null; holder=""; }

expect_failure_naming() { # what port role
  local what=$1 port=$2 role=$3
  if start; then fail "$what: start succeeded"; return; fi
  if grep -qE "port $port \($role\) is taken by pid $holder \([^)]*python3 -m http\.server --bind 127\.0\.0\.1 $port\)" "$OUT"; then
    ok "$what: the start fails naming port $port ($role) and the process holding it"
  else
    fail "$what: the message does not name port $port and pid $holder: $(cat "$OUT")"
  fi
  grep -q "starting Flink" "$OUT" && fail "$what: it launched Flink before finding the port taken"
  [ -z "$(cluster_java)" ] && ok "$what: no java process of the cluster" || fail "$what: java left running: $(cluster_java)"
}

[ -z "$(cluster_java)" ] || { echo "a cluster on $PORT is running already"; exit 1; }

occupy "$PORT"
expect_failure_naming "REST port taken" "$PORT" "REST"
release

occupy $((PORT + 1003))
expect_failure_naming "TaskManager data port taken" $((PORT + 1003)) "TaskManager data"
release

# The port taken after the check, while the JobManager boots (the race the check cannot close):
# the JobManager exits, the start says why at once and stops the TaskManager it launched.
start & starter=$!
until [ -s "$ROOT/.flink/$PORT/pids/jobmanager.pid" ] || ! kill -0 "$starter" 2>/dev/null; do sleep 0.05; done
occupy "$PORT"
if wait "$starter"; then
  fail "start succeeded with its REST port taken during the launch"
else
  grep -qE "the jobmanager exited while starting: .*(BindException|Address already in use|on any port in port range $PORT)" "$OUT" \
    && ok "a JobManager that cannot bind its REST port fails the start, naming the cause" \
    || fail "no bind failure named: $(cat "$OUT")"
  grep -q "stopping taskmanager" "$OUT" && ok "the TaskManager it launched is stopped" || fail "the TaskManager was not stopped: $(cat "$OUT")"
fi
[ -z "$(cluster_java)" ] && ok "no java process left" || fail "java left running: $(cluster_java)"
release

# A failure after both processes were launched: the TaskManager gets one second to register.
if start FLINK_START_TIMEOUT=1; then
  fail "start with a 1 s timeout succeeded"
else
  grep -q "timed out after 1 s waiting for a TaskManager" "$OUT" || fail "no timeout message: $(cat "$OUT")"
  grep -q "stopping taskmanager" "$OUT" && grep -q "stopping jobmanager" "$OUT" \
    && ok "a start failing after the launch stops the TaskManager and the JobManager" \
    || fail "the failed start did not say it stopped both: $(cat "$OUT")"
fi
[ -z "$(cluster_java)" ] && ok "no java process left after the failed start" || fail "java left running: $(cluster_java)"
for p in "$PORT" $((PORT + 1000)) $((PORT + 1001)) $((PORT + 1002)) $((PORT + 1003)); do
  ss -Hltn "sport = :$p" | grep -q . && fail "port $p still has a listener: $(ss -Hltnp "sport = :$p")"
done

# And so the next start works.
if start; then
  ok "the next start succeeds"
  FLINK_REST_PORT=$PORT scripts/flink stop >/dev/null 2>&1
  [ -z "$(cluster_java)" ] && ok "stop leaves no java process" || fail "java left after stop: $(cluster_java)"
else
  fail "the next start failed: $(tail -5 "$OUT")"
fi

[ "$failures" -eq 0 ] && echo "flink start: all passed" || { echo "flink start: $failures failed"; exit 1; }
