#!/usr/bin/env bash
# Starts the test control plane on 127.0.0.1: etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kwok (simulated nodes) and metrics-server. Builds the binaries first if the
# cache lacks them. Prints where everything is; `down.sh` stops it.
# Env: ORRERY_CLUSTER_STATE, ORRERY_CLUSTER_CACHE, ORRERY_CLUSTER_NODES (3),
#      ORRERY_CLUSTER_POD_STAGES (fast|general), ORRERY_CLUSTER_TIMEOUT (seconds, 120).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
source "$HERE/proc.sh"
source "$HERE/up-steps.sh"

NODE_COUNT="${ORRERY_CLUSTER_NODES:-3}"
POD_STAGES="${ORRERY_CLUSTER_POD_STAGES:-fast}"
TIMEOUT="${ORRERY_CLUSTER_TIMEOUT:-120}"

UP_DONE=0
on_exit() {
  ((UP_DONE)) && return
  say "start failed; stopping what was started (logs kept in $LOGS_DIR; down.sh removes them)"
  stop_all_components
}

main() {
  local start=$SECONDS
  [[ "$NODE_COUNT" =~ ^[1-9][0-9]*$ ]] || die "ORRERY_CLUSTER_NODES must be a positive integer"
  [[ "$POD_STAGES" =~ ^(fast|general)$ ]] || die "ORRERY_CLUSTER_POD_STAGES must be fast or general"
  [[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "ORRERY_CLUSTER_TIMEOUT must be a positive number of seconds"
  bash "$HERE/build.sh"
  ETCD_BIN="$CACHE_ROOT/etcd-$(etcd_version)/bin/etcd"
  KUBECTL="$K8S_BIN/kubectl"
  prepare_state
  trap on_exit EXIT
  read -r P_ETCD P_PEER P_API P_KCM P_SCHED P_KWOK P_METRICS <<<"$(free_ports 7)"
  API_URL="https://127.0.0.1:$P_API"
  bash "$HERE/certs.sh" "$STATE_DIR/pki"
  write_kubeconfigs
  start_etcd
  start_apiserver
  apply_identities
  start_controllers
  start_kwok
  create_nodes
  start_metrics_server
  wait_cluster_ready
  UP_DONE=1
  write_env_file
  print_summary "$((SECONDS - start))"
}

main "$@"
