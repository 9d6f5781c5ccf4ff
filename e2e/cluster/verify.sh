#!/usr/bin/env bash
# Checks a running test cluster end to end with kubectl: nodes, a Deployment on kwok, logs, exec,
# metrics, and the RBAC of bob, alice and orrery (impersonation). Exits non-zero on the first failure.
# Usage: verify.sh   (after up.sh; KUBECTL overrides the kubectl used, default: the one on PATH)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"

ENV_FILE="$STATE_DIR/cluster.env"
[[ -f "$ENV_FILE" ]] || die "no $ENV_FILE: is the test cluster up?"
# shellcheck source=/dev/null
source "$ENV_FILE"
KUBECTL="${KUBECTL:-kubectl}"
NS=team-a
FAILED=0

k() { local who="$1"; shift; "$KUBECTL" --kubeconfig="$STATE_DIR/kubeconfig/$who.kubeconfig" "$@"; }
pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; FAILED=1; }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }
# retry <seconds> <command...>: for things that become true a little later (metrics, rollout).
retry() { local until=$((SECONDS + $1)); shift; until "$@"; do ((SECONDS < until)) || return 1; sleep 2; done; }

version_matches() { k admin get --raw /version | grep -q "\"gitVersion\": \"$ORRERY_CLUSTER_K8S_VERSION\""; }
nodes_ready() {
  [[ "$(k admin get nodes -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' \
    | grep -c '^True$')" == "$ORRERY_CLUSTER_NODES" ]]
}
pods_running() {
  [[ "$(k bob get pods -n "$NS" -l app=verify-web -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' \
    | grep -c '^Running$')" == 2 ]]
}
first_pod() { k bob get pods -n "$NS" -l app=verify-web -o jsonpath='{.items[0].metadata.name}'; }
# Output is captured first: with pipefail, `cmd | grep -q` fails when cmd fails or gets SIGPIPE.
output_has() { local text="$1" out; shift; out="$("$@" 2>&1)" || return 1; grep -qF -- "$text" <<<"$out"; }
forbidden() { local out; if out="$("$@" 2>&1)"; then return 1; fi; grep -q Forbidden <<<"$out"; }
# can_i <yes|no> <verb> <resource> [flags]: what orrery's `auth can-i` answers.
can_i() { local want="$1"; shift; [[ "$(k orrery auth can-i "$@" 2>/dev/null)" == "$want" ]]; }

main() {
  check "/version reports $ORRERY_CLUSTER_K8S_VERSION" version_matches
  check "$ORRERY_CLUSTER_NODES kwok nodes Ready" nodes_ready
  k bob create deployment verify-web -n "$NS" --image=registry.example/web:1 --replicas=2 >/dev/null
  check "bob's Deployment in $NS has 2 Running pods (kwok)" retry 60 pods_running
  local pod
  pod="$(first_pod)"
  check "kubectl logs (CRI file via kwok)" output_has "starting orrery-test-app" k bob logs -n "$NS" "$pod"
  check "kubectl logs --previous" output_has "previous container" k bob logs -n "$NS" "$pod" --previous
  check "kubectl exec (kwok local exec)" output_has "hello-from-exec" k bob exec -n "$NS" "$pod" -- echo hello-from-exec
  check "kubectl top nodes (metrics-server)" retry 90 output_has "kwok-node-0" k admin top nodes
  check "kubectl top pods -n $NS" retry 90 output_has "$pod" k bob top pods -n "$NS"
  check "bob: get pods -A is Forbidden" forbidden k bob get pods -A
  check "bob: get pods -n $NS works" k bob get pods -n "$NS"
  check "orrery: list pods -A (read identity)" k orrery get pods -A
  check "orrery: cannot delete pods itself" can_i no delete pods -n "$NS"
  check "orrery --as alice: can delete nodes" can_i yes delete nodes --as alice
  check "orrery --as bob: can delete pods in $NS" can_i yes delete pods -n "$NS" --as bob
  check "orrery --as bob: cannot list pods -A" can_i no list pods -A --as bob
  check "orrery --as bob: get pods -n $NS" k orrery get pods -n "$NS" --as bob
  k bob delete deployment verify-web -n "$NS" --wait=false >/dev/null
  ((FAILED == 0)) || die "some checks failed"
  say "all checks passed"
}

main "$@"
