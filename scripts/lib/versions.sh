# The one place that pins every tool the project installs. Rust crates are pinned by Cargo.lock;
# wasm-bindgen-cli must equal the wasm-bindgen version there, so it is read from it.
TRUNK_VERSION=0.22.0-beta.1          # newest Trunk that builds on rustc 1.95
WASM_SPLIT_VERSION=0.2.4            # crate wasm_split_cli_support: splits the wasm per page (≥0.2.3 for wasm-bindgen ≥0.2.128)
BINARYEN_VERSION=132                 # npm `binaryen`, for wasm-opt (Debian's 108 breaks the wasm)
ESBUILD_VERSION=0.28.2               # npm, minifies the wasm-bindgen glue in release builds
# Flink: PyPI `apache-flink-libraries` (a whole flink-dist). FLINK_LINES are the supported lines,
# one release each; FLINK_VERSION (from the environment, default the newest) picks the one to use.
FLINK_LINES="1.18.1 1.19.3 1.20.5 2.0.2 2.1.3 2.2.1 2.3.0"
FLINK_VERSION=${FLINK_VERSION:-2.3.0}
PLAYWRIGHT_CORE_VERSION=1.65.1       # npm, drives Debian's chromium (never downloads a browser)
TYPESCRIPT_VERSION=5.9.3             # npm, type-checks the npm package's consumers
VITE_VERSION=8.4.0                   # npm, bundles a test app that uses the npm package (npm layer)
WEBPACK_VERSION=5.113.0              # npm, likewise, with webpack-cli below
WEBPACK_CLI_VERSION=7.3.1
JAVA_MIN_MAJOR=17

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${FLINK_CONSOLE_CACHE:-$HOME/.cache/flink-console}
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")

TRUNK_DIR=$CACHE/trunk-$TRUNK_VERSION
WASM_BINDGEN_DIR=$CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION
BINARYEN_DIR=$CACHE/binaryen-$BINARYEN_VERSION
WASM_SPLIT_DIR=$CACHE/wasm-split-$WASM_SPLIT_VERSION
ESBUILD_DIR=$CACHE/esbuild-$ESBUILD_VERSION
NODE_TOOLS_DIR=$CACHE/node-tools-pw$PLAYWRIGHT_CORE_VERSION-ts$TYPESCRIPT_VERSION
BUNDLERS_DIR=$CACHE/bundlers-vite$VITE_VERSION-webpack$WEBPACK_VERSION-cli$WEBPACK_CLI_VERSION
FLINK_VENV=$CACHE/flink-$FLINK_VERSION-venv     # one venv per Flink version
