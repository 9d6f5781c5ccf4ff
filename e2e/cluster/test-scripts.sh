#!/usr/bin/env bash
# Fast checks of the cluster scripts' pieces, without building or starting a cluster:
# PKI, kwok config, the k8s wrapper go.mod, free ports, and pid-guarded start/stop.
# Usage: test-scripts.sh   (needs openssl, node, go with the module proxy for the go.mod check)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export ORRERY_CLUSTER_STATE="$WORK/state" ORRERY_CLUSTER_CACHE="$WORK/cache"
source "$HERE/lib.sh"
source "$HERE/proc.sh"
FAILED=0

pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; FAILED=1; }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }
subject_of() { openssl x509 -in "$WORK/pki/$1.crt" -noout -subject -nameopt RFC2253 | sed 's/^subject=//'; }
san_of() { openssl x509 -in "$WORK/pki/$1.crt" -noout -ext subjectAltName; }

test_pki() {
  bash "$HERE/certs.sh" "$WORK/pki"
  local name
  for name in apiserver admin orrery alice bob kube-controller-manager kube-scheduler kwok kwok-serving \
    metrics-server metrics-server-serving apiserver-kubelet-client; do
    check "pki: $name.crt is signed by the cluster CA" openssl verify -CAfile "$WORK/pki/ca.crt" "$WORK/pki/$name.crt"
  done
  check "pki: front-proxy client is signed by the front-proxy CA, not the cluster CA" \
    bash -c "openssl verify -CAfile '$WORK/pki/front-proxy-ca.crt' '$WORK/pki/front-proxy-client.crt' &&
      ! openssl verify -CAfile '$WORK/pki/ca.crt' '$WORK/pki/front-proxy-client.crt'"
  check "pki: bob is CN=bob, not in system:masters" [ "$(subject_of bob)" == "CN=bob,O=team-a-developers" ]
  check "pki: admin is in system:masters" [ "$(subject_of admin)" == "CN=orrery-test-admin,O=system:masters" ]
  check "pki: orrery has no group" [ "$(subject_of orrery)" == "CN=orrery" ]
  check "pki: apiserver cert names 127.0.0.1" grep -q "IP Address:127.0.0.1" <(san_of apiserver)
  check "pki: metrics-server cert names its service" grep -q "DNS:metrics-server.kube-system.svc" <(san_of metrics-server-serving)
  check "pki: the service-account public key matches the private key" \
    cmp <(openssl rsa -in "$WORK/pki/sa.key" -pubout 2>/dev/null) "$WORK/pki/sa.pub"
  check "pki: the directory is private" [ "$(stat -c %a "$WORK/pki")" == 700 ]
}

test_kwok_config() {
  local share="$CACHE_ROOT/kwok-$KWOK_VERSION/share" config
  mkdir -p "$share/stages/node" "$share/stages/pod-fast" "$share/metrics"
  printf 'kind: Stage\nmetadata: {name: node-x}\n' >"$share/stages/node/a.yaml"
  printf 'kind: Stage\nmetadata: {name: pod-x}\n' >"$share/stages/pod-fast/b.yaml"
  printf 'kind: Metric\nmetadata: {name: m}\n' >"$share/metrics/c.yaml"
  touch "$share/.complete"
  config="$(bash "$HERE/kwok-config.sh" "$WORK/kwok" fast)"
  check "kwok: config has stages, metric, logs and exec documents" \
    [ "$(grep -c '^kind: \(Stage\|Metric\|ClusterLogs\|ClusterExec\)$' "$config")" == 5 ]
  check "kwok: log lines are CRI format" bash -c \
    "! grep -Evq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{9}Z (stdout|stderr) [PF] ' '$WORK/kwok/logs/current.log'"
  check "kwok: unknown pod stages are refused" bash -c "! bash '$HERE/kwok-config.sh' '$WORK/kwok2' slow"
}

test_k8s_wrapper() {
  check "staging_version maps v1.33.13 to v0.33.13" [ "$(staging_version v1.33.13)" == v0.33.13 ]
  eval "$(sed -n '/^write_k8s_wrapper()/,/^}/p' "$HERE/build.sh")"
  write_k8s_wrapper "$WORK/wrapper"
  local k8s_dir staging wanted got
  k8s_dir="$(module_dir "k8s.io/kubernetes@$K8S_VERSION")"
  staging="$(staging_version "$K8S_VERSION")"
  wanted="$(awk '$3 ~ /^\.\/staging\// { print $1 }' "$k8s_dir/go.mod" | sort)"
  got="$(awk -v v="$staging" '$2 == "=>" && $4 == v { print $1 }' "$WORK/wrapper/go.mod" | sort)"
  check "wrapper: every ./staging replace becomes its $staging release" [ "$wanted" == "$got" ]
  check "wrapper: requires k8s.io/kubernetes $K8S_VERSION" grep -qx "require k8s.io/kubernetes $K8S_VERSION" "$WORK/wrapper/go.mod"
}

# The reference engine's cache key: its Prometheus version, and a hash that moves when a source does.
test_promql_reference_key() {
  local bin copy
  bin="$(promql_reference_bin)"
  check "promql-reference: version read from its go.mod" [ "$(promql_reference_version)" == "$(awk '$2 == "github.com/prometheus/prometheus" { print $3 }' "$PROMQL_REFERENCE_SRC/go.mod")" ]
  check "promql-reference: binary path is in the cache and names the version" grep -q "^$CACHE_ROOT/promql-reference-v[0-9.]*-[0-9a-f]\{16\}/bin/promql-reference\$" <<<"$bin"
  copy="$WORK/promql-reference"
  cp -r "$PROMQL_REFERENCE_SRC" "$copy"
  check "promql-reference: the same sources give the same key" [ "$(PROMQL_REFERENCE_SRC="$copy" promql_reference_bin)" == "$bin" ]
  echo "// changed" >>"$copy/main.go"
  check "promql-reference: a changed source gives a new key" [ "$(PROMQL_REFERENCE_SRC="$copy" promql_reference_bin)" != "$bin" ]
}

test_processes() {
  local ports
  ports="$(free_ports 5)"
  check "free_ports gives 5 distinct ports" [ "$(tr ' ' '\n' <<<"$ports" | sort -u | wc -l)" == 5 ]
  mkdir -p "$STATE_DIR"
  start_component sleeper "$(command -v sleep)" 300 2>/dev/null
  check "start_component records a live pid" component_alive sleeper
  local pid
  pid="$(component_pid sleeper)"
  printf '%s\n/usr/bin/not-sleep\n' "$pid" >"$PIDS_DIR/impostor.pid"
  if component_alive impostor; then fail "pid guard: impostor seen alive"; else pass "pid guard: impostor not alive"; fi
  rm -f "$PIDS_DIR/impostor.pid"
  stop_all_components 2>/dev/null
  check "stop_all_components stops the recorded pid" bash -c "! kill -0 $pid"
}

test_state_dir() {
  rm -rf "$STATE_DIR"
  prepare_state 2>/dev/null
  start_component kube-apiserver "$(command -v sleep)" 300 2>/dev/null
  if (prepare_state) >/dev/null 2>&1; then fail "prepare_state refuses a running cluster"; else pass "prepare_state refuses a running cluster"; fi
  local leftover
  stop_component kube-apiserver 2>/dev/null
  printf '999999\n%s\n' "$(command -v sleep)" >"$PIDS_DIR/kube-apiserver.pid"
  start_component etcd "$(command -v sleep)" 300 2>/dev/null
  leftover="$(component_pid etcd)"
  if (prepare_state) >/dev/null 2>&1; then pass "prepare_state clears a dead cluster's state"; else fail "prepare_state clears a dead cluster's state"; fi
  check "prepare_state stops a dead cluster's leftover process" bash -c "! kill -0 $leftover"
  check "prepare_state leaves no recorded process behind" [ ! -f "$PIDS_DIR/order" ]
}

test_pki
test_kwok_config
test_k8s_wrapper
test_promql_reference_key
test_processes
test_state_dir
((FAILED == 0)) || { echo "some checks failed"; exit 1; }
echo "all script checks passed"
