# Sourced by the scripts and shell tests that start `turnaround serve` in the
# background; not a command of its own.
#
# wait_for_server PORT PID [SECONDS]: returns 0 once GET /healthz answers on
# 127.0.0.1:PORT, 1 as soon as process PID has exited (no point waiting for a
# server that died) or after SECONDS (default 120: a sanitizer build compiles
# the rule set slowly on a busy machine).
wait_for_server() {
  local port=$1 pid=$2 tries=$(( ${3:-120} * 20 ))
  for _ in $(seq 1 "$tries"); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
