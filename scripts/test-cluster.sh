#!/usr/bin/env bash
# npm run test:cluster: the suites that need peers built from Go modules: the differential PromQL test against
# Prometheus's engine (e2e/reference), then those that need a real Kubernetes control plane (e2e/cluster).
# Builds it if the cache lacks it, starts it (or uses the one already up, and then leaves it up), runs the
# contract suite, the kubectl suite against it and the Playwright specs against Orrery on it, stops what it
# started, prints the wall time of every step and exits non-zero if any step failed.
# Without Go it says so in one line: a failure when CI=true, a skip elsewhere.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

STATE_DIR="${ORRERY_CLUSTER_STATE:-/tmp/orrery-cluster}"
STARTED_CLUSTER=0
FAILED=()
TIMES=()

say() { printf '[test:cluster] %s\n' "$*"; }

require_go() {
  command -v go >/dev/null 2>&1 && return 0
  local line="test:cluster needs Go (go version) to build the control plane: apt-get install golang or use the project machine"
  if [[ "${CI:-}" == "true" ]]; then
    echo "$line"
    exit 1
  fi
  echo "$line (skipped)"
  exit 0
}

# Runs one step, records its wall time and whether it passed; never stops the script.
step() {
  local label="$1" start status elapsed
  shift
  say "$label: $*"
  start="$(date +%s.%N)"
  "$@"
  status=$?
  elapsed="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
  TIMES+=("$(printf '%-34s %8ss  %s' "$label" "$elapsed" "$([[ $status == 0 ]] && echo ok || echo "FAILED ($status)")")")
  ((status == 0)) || FAILED+=("$label")
  return "$status"
}

# A cluster is up when up.sh's apiserver pid file names a live process running that binary.
cluster_running() {
  local pid_file="$STATE_DIR/pids/kube-apiserver.pid" pid binary
  [[ -f "$STATE_DIR/cluster.env" && -f "$pid_file" ]] || return 1
  { read -r pid; read -r binary; } <"$pid_file"
  [[ -n "$pid" && "$(readlink "/proc/$pid/exe" 2>/dev/null)" == "$binary" ]]
}

finish() {
  if ((STARTED_CLUSTER)); then
    step "down (e2e/cluster/down.sh)" bash e2e/cluster/down.sh
  fi
  echo
  say "wall times:"
  printf '  %s\n' "${TIMES[@]}"
  if ((${#FAILED[@]})); then
    say "FAILED: ${FAILED[*]}"
    exit 1
  fi
  say "all passed"
}

bring_up_cluster() {
  step "cluster scripts (e2e/cluster/test-scripts.sh)" bash e2e/cluster/test-scripts.sh || return 1
  step "build (e2e/cluster/build.sh)" bash e2e/cluster/build.sh || return 1
  if cluster_running; then
    say "a test cluster is already up in $STATE_DIR: using it and leaving it up"
    return 0
  fi
  # A failed up.sh stops what it started itself and keeps its logs: down.sh only after a good start.
  step "up (e2e/cluster/up.sh)" bash e2e/cluster/up.sh || return 1
  STARTED_CLUSTER=1
}

run_suites() {
  if [[ -f vitest.contract.config.ts ]]; then
    step "contract suite (demo + real)" npx vitest run --config vitest.contract.config.ts
  fi
  step "kubectl suite (real)" env ORRERY_KUBECTL_TARGET=real npx vitest run --config vitest.kubectl.config.ts
  # Built before the identity suite: it starts two real servers sharing the state Secret from dist/.
  local built=0
  if [[ -f dist/server.js ]] || step "build Orrery (npm run build)" npm run build; then built=1; fi
  step "identity on the real cluster" npx vitest run --config vitest.identity.config.ts
  ((built)) || return 1
  step "chromium" node scripts/ensure-chromium.mjs || return 1
  step "playwright (real cluster)" npx playwright test -c e2e/playwright.cluster.config.ts
}

# Prometheus's own engine (built from its Go module) is the oracle of the differential PromQL test; no cluster needed.
run_reference_suites() {
  step "build promql-reference (e2e/cluster/build.sh promql-reference)" bash e2e/cluster/build.sh promql-reference || return 1
  # Fixed seeds keep CI deterministic; a run without PROMQL_DIFF_SEED explores a fresh one.
  step "differential PromQL, seed 2 (npm run test:reference)" env PROMQL_DIFF_SEED=2 npm run test:reference
  step "differential PromQL, seed 3" env PROMQL_DIFF_SEED=3 npx vitest run --config vitest.reference.config.ts e2e/reference/differential.test.ts
}

main() {
  require_go
  trap finish EXIT
  trap 'exit 130' INT TERM
  run_reference_suites
  if ! bring_up_cluster; then
    say "the control plane is not up; the suites did not run"
    return 1
  fi
  run_suites
}

main "$@"
