# Writes a Trunk config beside Trunk.toml (so its relative paths still hold) whose [[proxy]]
# points at another Flink: Trunk refuses a --proxy-backend that repeats the config's /api/ route.
trunk_config_for() { # backend-url name -> prints the config path
  local backend=${1%/}/ out="$ROOT/.trunk-$2.toml"
  sed "s#^backend = \".*\"#backend = \"$backend\"#" "$ROOT/Trunk.toml" > "$out"
  echo "$out"
}

wait_for_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS --max-time 2 -o /dev/null "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
}
