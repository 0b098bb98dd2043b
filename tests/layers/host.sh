#!/usr/bin/env bash
# Host layer: request building, fixture decoding, property tests and doc examples, without UI.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --no-default-features --lib --tests
cargo test --no-default-features --doc
