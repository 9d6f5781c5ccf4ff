# Process and readiness helpers for up.sh / down.sh (sourced, not run).
# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

PIDS_DIR="$STATE_DIR/pids"
LOGS_DIR="$STATE_DIR/logs"
# Marks a directory as ours, so that down.sh never removes anything else.
STATE_MARKER=".orrery-test-cluster"

# Starts one component detached (own session, clean environment) and records its pid and binary.
start_component() {
  local name="$1" bin="$2"; shift 2
  [[ -x "$bin" ]] || die "$name: binary $bin is missing (run build.sh)"
  mkdir -p "$PIDS_DIR" "$LOGS_DIR"
  setsid env -i PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME="$STATE_DIR/home" \
    "$bin" "$@" >"$LOGS_DIR/$name.log" 2>&1 </dev/null &
  local pid=$!
  printf '%s\n%s\n' "$pid" "$bin" >"$PIDS_DIR/$name.pid"
  echo "$name" >>"$PIDS_DIR/order"
  say "started $name (pid $pid, log $LOGS_DIR/$name.log)"
}

# True when the recorded pid still runs the recorded binary (guards against reused pids).
component_alive() {
  local file="$PIDS_DIR/$1.pid" pid bin exe
  [[ -f "$file" ]] || return 1
  pid="$(sed -n 1p "$file")"; bin="$(sed -n 2p "$file")"
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null)" || return 1
  [[ "$exe" == "$bin" ]]
}

component_pid() { sed -n 1p "$PIDS_DIR/$1.pid"; }

# Stops one component: TERM, then KILL after a grace period. Only the recorded pid is signalled.
stop_component() {
  local name="$1" pid waited=0
  component_alive "$name" || { rm -f "$PIDS_DIR/$name.pid"; return 0; }
  pid="$(component_pid "$name")"
  kill -TERM "$pid" 2>/dev/null || true
  while component_alive "$name" && ((waited < 100)); do sleep 0.1; waited=$((waited + 1)); done
  if component_alive "$name"; then
    say "$name (pid $pid) did not stop in 10s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  say "stopped $name (pid $pid)"
  rm -f "$PIDS_DIR/$name.pid"
}

# Stops every recorded component, last started first.
stop_all_components() {
  [[ -f "$PIDS_DIR/order" ]] || return 0
  local name
  tac "$PIDS_DIR/order" | while read -r name; do stop_component "$name"; done
  rm -f "$PIDS_DIR/order"
}

# wait_until <what> <seconds> <component|-> <command...>: polls until the command succeeds.
wait_until() {
  local what="$1" timeout="$2" component="$3"; shift 3
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ "$component" != "-" ]] && ! component_alive "$component"; then
      tail -n 30 "$LOGS_DIR/$component.log" >&2 || true
      die "$component exited while waiting for $what (log: $LOGS_DIR/$component.log)"
    fi
    ((SECONDS < deadline)) || die "timed out after ${timeout}s waiting for $what"
    sleep 0.5
  done
}

# Free loopback TCP ports, all held at once while choosing so that none repeats.
free_ports() {
  node -e '
    const net = require("node:net");
    const n = Number(process.argv[1]);
    const servers = Array.from({ length: n }, () => net.createServer());
    Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", () => ok(s.address().port)))))
      .then((ports) => { console.log(ports.join(" ")); servers.forEach((s) => s.close()); });
  ' "$1"
}

# Makes a fresh state dir; refuses a live cluster, clears one left behind by a dead one.
prepare_state() {
  if [[ -d "$STATE_DIR" ]]; then
    [[ -f "$STATE_DIR/$STATE_MARKER" ]] || die "$STATE_DIR exists and is not a test cluster's state dir"
    if [[ -f "$PIDS_DIR/order" ]]; then
      component_alive kube-apiserver && die "a test cluster is already up in $STATE_DIR (run down.sh first)"
      # A cluster whose apiserver died (a killed session, a rebooted runner) left its state: clear it.
      say "$STATE_DIR holds a cluster that is no longer running; stopping its leftovers and starting afresh"
      stop_all_components
    fi
    rm -rf "$STATE_DIR"
  fi
  mkdir -p "$STATE_DIR/home" "$LOGS_DIR" "$PIDS_DIR"
  # Traversable but not listable: kwok's exec runs as nobody in a work dir below it.
  chmod 711 "$STATE_DIR"
  touch "$STATE_DIR/$STATE_MARKER"
}
