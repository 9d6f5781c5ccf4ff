#!/usr/bin/env bash
# Stops the processes that up.sh started (by their recorded pids) and removes the state dir.
# Env: ORRERY_CLUSTER_STATE. Set ORRERY_CLUSTER_KEEP_STATE=1 to keep logs and data.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
source "$HERE/proc.sh"

main() {
  if [[ ! -d "$STATE_DIR" ]]; then
    say "no test cluster state in $STATE_DIR; nothing to stop"
    return 0
  fi
  [[ -f "$STATE_DIR/$STATE_MARKER" ]] || die "$STATE_DIR is not a test cluster's state dir; not touching it"
  stop_all_components
  if [[ "${ORRERY_CLUSTER_KEEP_STATE:-0}" == 1 ]]; then
    say "kept $STATE_DIR"
  else
    rm -rf "$STATE_DIR"
    say "removed $STATE_DIR"
  fi
}

main "$@"
