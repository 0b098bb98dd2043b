# Sourced by the scripts: `say` writes a line to stderr, prefixed with [$SAY_PREFIX] (the script's
# name unless the script sets SAY_PREFIX after sourcing this); `die` says it and exits 1.
SAY_PREFIX=$(basename "$0" .sh)
say() { printf '[%s] %s\n' "$SAY_PREFIX" "$*" >&2; }
die() { say "$*"; exit 1; }
