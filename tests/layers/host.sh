#!/usr/bin/env bash
# Host layer: request building, fixture decoding, property tests and doc examples of the client
# (without the UI), then the console's pure logic (filtering, sorting, chart points, graph
# layout, rescale rules) with the `ui` feature, then clippy.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --no-default-features --lib --tests
cargo test --lib --test console_jobs
cargo test --no-default-features --doc
# Lints (Cargo.toml [lints]): no unwrap/expect/indexing outside tests, a documented client, and
# nothing else clippy warns of, on the host and for the wasm targets (browser and Node tests).
cargo clippy --all-targets --all-features -- -D warnings
# Only the compile target is needed for that, not the wasm tools of `scripts/setup wasm`.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
wasm_tests=()
for f in tests/browser_*.rs tests/client_*.rs; do wasm_tests+=(--test "$(basename "$f" .rs)"); done
cargo clippy --target wasm32-unknown-unknown --lib --bins "${wasm_tests[@]}" --all-features -- -D warnings
