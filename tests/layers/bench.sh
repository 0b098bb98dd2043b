#!/usr/bin/env bash
# Bench layer: one short run of scripts/bench (its own Flink and nginx, release build), so the
# benchmark keeps working as the console changes. It checks that every figure was measured,
# never what it came to: timings belong in BENCHMARKS.md, not in pass/fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_SMOKE=1 scripts/bench > "$ARTIFACTS/bench-run.log" 2>&1 || { tail -40 "$ARTIFACTS/bench-run.log"; exit 1; }
out=test-artifacts/bench/BENCHMARKS.smoke.md
rows=$(grep -c '^| ' "$out")
bad=$(grep -E '^\| ' "$out" | grep -Ei 'undefined|NaN|null|not measured' || true)
echo "bench smoke: $rows table rows in $out"
[ "$rows" -ge 20 ] || { echo "expected at least 20 rows"; cat "$out"; exit 1; }
[ -z "$bad" ] || { echo "figures not measured:"; echo "$bad"; exit 1; }
