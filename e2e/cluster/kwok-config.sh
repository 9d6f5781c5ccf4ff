#!/usr/bin/env bash
# Writes kwok's configuration: the default stages shipped in kwok's module, CRI-format log files
# for `kubectl logs`, a local exec target for `kubectl exec`, and resource-usage metrics.
# Usage: kwok-config.sh <kwok-state-dir> <stages: fast|general>   (prints the config path)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DIR="${1:?usage: kwok-config.sh <kwok-state-dir> <fast|general>}"
POD_STAGES="${2:-fast}"
SHARE="$CACHE_ROOT/kwok-$KWOK_VERSION/share"

# One CRI log line: <RFC3339Nano time> <stream> <P|F> <text>.
cri_line() { printf '%s %s %s %s\n' "$(date -u -d "@$1" +%Y-%m-%dT%H:%M:%S.%N)Z" "$2" "$3" "$4"; }

write_logs() {
  local now t
  now="$(date +%s)"
  mkdir -p "$DIR/logs"
  {
    t=$((now - 60))
    cri_line "$t" stdout F "starting orrery-test-app version=1.4.2"
    cri_line "$((t + 1))" stdout F '{"level":"info","msg":"listening","addr":":8080"}'
    cri_line "$((t + 2))" stderr F "warning: cache directory /var/cache/app is empty"
    cri_line "$((t + 3))" stdout P "a long line written in two "
    cri_line "$((t + 3))" stdout F "parts by the runtime"
    cri_line "$((t + 30))" stdout F 'GET /healthz 200 0.4ms'
    cri_line "$((t + 59))" stdout F 'GET /api/items 200 12.1ms'
  } >"$DIR/logs/current.log"
  {
    t=$((now - 600))
    cri_line "$t" stdout F "starting orrery-test-app version=1.4.1"
    cri_line "$((t + 5))" stderr F "panic: out of memory (previous container)"
  } >"$DIR/logs/previous.log"
}

# Exec runs commands on this host: as nobody when we are root, in an empty work dir.
write_exec_target() {
  mkdir -p "$DIR/exec-root"
  chmod 755 "$DIR/exec-root"
  echo "apiVersion: kwok.x-k8s.io/v1alpha1"
  echo "kind: ClusterExec"
  echo "metadata: {name: orrery-test-exec}"
  echo "spec:"
  echo "  execs:"
  echo "  - local:"
  echo "      workDir: $DIR/exec-root"
  echo "      envs: [{name: ORRERY_TEST_CLUSTER, value: \"1\"}]"
  if [[ "$(id -u)" == 0 ]]; then
    echo "      securityContext: {runAsUser: 65534, runAsGroup: 65534}"
  fi
}

write_cluster_logs() {
  echo "apiVersion: kwok.x-k8s.io/v1alpha1"
  echo "kind: ClusterLogs"
  echo "metadata: {name: orrery-test-logs}"
  echo "spec:"
  echo "  logs:"
  echo "  - logsFile: $DIR/logs/current.log"
  echo "    previousLogsFile: $DIR/logs/previous.log"
  echo "    follow: true"
}

# Concatenates YAML files as separate documents.
emit_docs() {
  local f
  for f in "$@"; do echo "---"; cat "$f"; echo; done
}

main() {
  [[ -f "$SHARE/.complete" ]] || die "kwok assets missing in $SHARE (run build.sh kwok)"
  [[ -d "$SHARE/stages/pod-$POD_STAGES" ]] || die "unknown pod stages '$POD_STAGES' (fast|general)"
  mkdir -p "$DIR"
  chmod 711 "$DIR"
  write_logs
  {
    emit_docs "$SHARE"/stages/node/*.yaml "$SHARE/stages/pod-$POD_STAGES"/*.yaml "$SHARE"/metrics/*.yaml
    echo "---"; write_cluster_logs
    echo "---"; write_exec_target
  } >"$DIR/kwok.yaml"
  echo "$DIR/kwok.yaml"
}

main
