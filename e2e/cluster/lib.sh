# Shared settings and helpers for the e2e/cluster scripts (sourced, not run).
# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$CLUSTER_DIR/versions.env"

CACHE_ROOT="${ORRERY_CLUSTER_CACHE:-$HOME/.cache/orrery-cluster}"
STATE_DIR="${ORRERY_CLUSTER_STATE:-/tmp/orrery-cluster}"
# Two cores are shared: builds run niced with limited parallelism unless told otherwise.
BUILD_JOBS="${ORRERY_CLUSTER_BUILD_JOBS:-2}"

K8S_BIN="$CACHE_ROOT/k8s-$K8S_VERSION/bin"
KWOK_BIN="$CACHE_ROOT/kwok-$KWOK_VERSION/bin"
METRICS_SERVER_BIN="$CACHE_ROOT/metrics-server-$METRICS_SERVER_VERSION/bin"
PROMQL_REFERENCE_SRC="$(cd "$CLUSTER_DIR/../promql-reference" && pwd)"

say() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }

# Staging module version for a Kubernetes release: v1.32.13 -> v0.32.13.
staging_version() { printf 'v0.%s\n' "${1#v1.}"; }

# Directory of a module in the module cache, downloading it through the proxy if needed.
module_dir() {
  GOFLAGS=-mod=mod go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
}

# etcd version pinned by the Kubernetes release (its go.mod requires go.etcd.io/etcd/server/v3).
etcd_version() {
  local dir
  dir="$(module_dir "k8s.io/kubernetes@$K8S_VERSION")" || return 1
  awk '$1 == "go.etcd.io/etcd/server/v3" { print $2; exit }' "$dir/go.mod"
}

# Prometheus module version the reference engine requires (its go.mod is the one place it is written).
promql_reference_version() {
  awk '$1 == "require" && $2 == "github.com/prometheus/prometheus" { print $3; exit }' "$PROMQL_REFERENCE_SRC/go.mod"
}

# Hash of the reference program's sources: a changed file means a new binary, never a stale one.
promql_reference_hash() {
  local file
  (cd "$PROMQL_REFERENCE_SRC" && for file in $(LC_ALL=C ls go.mod go.sum *.go); do
    printf '%s\n' "$file"
    cat "$file"
  done) | sha256sum | cut -c1-16
}

# Where the reference engine binary for the current sources lives (printed for test runners).
promql_reference_bin() {
  printf '%s/promql-reference-%s-%s/bin/promql-reference\n' \
    "$CACHE_ROOT" "$(promql_reference_version)" "$(promql_reference_hash)"
}

go_build_env() {
  export GOFLAGS=-mod=mod CGO_ENABLED=0 GOMAXPROCS="$BUILD_JOBS"
}
