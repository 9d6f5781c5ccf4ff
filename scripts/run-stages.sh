#!/usr/bin/env bash
# Runs each named npm script in order, prints the wall time of every stage, and stops at the first failure.
# Usage: run-stages.sh SCRIPT [SCRIPT ...]   (npm test and .ci/run call it so CI logs show where time goes)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

TIMES=()
report() {
  echo
  echo "[stages] wall times:"
  printf '  %s\n' "${TIMES[@]}"
}
trap report EXIT

for stage in "$@"; do
  echo "[stages] $stage"
  start="$(date +%s.%N)"
  npm run --silent "$stage"
  status=$?
  elapsed="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
  TIMES+=("$(printf '%-14s %8ss  %s' "$stage" "$elapsed" "$([[ $status == 0 ]] && echo ok || echo "FAILED ($status)")")")
  if ((status != 0)); then
    echo "[stages] $stage failed (exit $status)"
    exit "$status"
  fi
done
