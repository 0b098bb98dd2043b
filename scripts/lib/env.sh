# Sourced by the scripts: versions, and PATH with the project's cached tools first.
source "$(dirname "${BASH_SOURCE[0]}")/versions.sh"
export PATH="$TRUNK_DIR/bin:$WASM_BINDGEN_DIR/bin:$BINARYEN_DIR/bin:$WASM_SPLIT_DIR/bin:$ESBUILD_DIR/bin:$PATH"
export FLINK_HOME="$(ls -d "$FLINK_VENV"/lib/python3*/site-packages/pyflink 2>/dev/null | head -1)"
# Flink's main jar (default config, BashJavaUtils, the web UI in web/); empty until Flink is installed.
FLINK_DIST_JAR=${FLINK_HOME:+$FLINK_HOME/lib/flink-dist-$FLINK_VERSION.jar}
export NODE_TOOLS_DIR BUNDLERS_DIR
# Trunk must never download tools (wasm-bindgen, wasm-opt): the pinned ones are on PATH.
export TRUNK_OFFLINE=true
