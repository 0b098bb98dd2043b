#!/usr/bin/env bash
# Host layer: request building, fixture decoding, property tests and doc examples of the client
# (without the UI), then the console's pure logic (filtering, sorting, chart points, graph
# layout, rescale rules) with the `ui` feature.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --no-default-features --lib --tests
cargo test --lib
cargo test --no-default-features --doc
