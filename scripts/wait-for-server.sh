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

# pick_port: prints a port for a server under test: below the kernel's ephemeral range
# (/proc/sys/net/ipv4/ip_local_port_range), where outgoing connections (the load
# generator's, the database clients') never take their local port, and not listened on.
# A random pick in 20000-49999 once met a port held by an outgoing connection:
# "cannot listen on 127.0.0.1:PORT (in use or not permitted)" in CI.
pick_port() {
  local low=32768 _high p
  read -r low _high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
  [ "$low" -gt 12000 ] || low=32768  # a range starting that low leaves no safe band: best effort
  for _ in $(seq 1 50); do
    p=$(( 10000 + RANDOM % (low - 10000) ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo $(( 10000 + RANDOM % (low - 10000) ))
}
