import type { StreamResourceKind, WireKindStatus } from "@/lib/wire/stream";
import type { StreamState } from "./streamClient";

export type HealthLevel = "connecting" | "live" | "syncing" | "stale" | "error";

export interface StreamHealth {
  level: HealthLevel;
  /** One or two words for the badge. */
  label: string;
  /** What is wrong, for a person; absent when all is well. */
  detail?: string;
  apiserver?: string;
}

const rank: Record<WireKindStatus["state"], number> = { live: 0, syncing: 1, stale: 2, error: 3 };

/** Sums up the connection and the cache's kinds (all, or only those a page shows) into one state. */
export function summarizeHealth(state: StreamState, kinds?: readonly StreamResourceKind[]): StreamHealth {
  const apiserver = state.kinds[0]?.apiserver;
  const { connection } = state;
  if (connection.phase !== "open") {
    if (!connection.everOpened && !connection.reason) return { level: "connecting", label: "Connecting", apiserver };
    const detail = `Orrery's live connection is down: ${connection.reason ?? "not connected"}; reconnecting. The data shown may be out of date.`;
    return { level: "error", label: "Disconnected", detail, apiserver };
  }
  const relevant = kinds ? state.kinds.filter((k) => kinds.includes(k.kind)) : state.kinds;
  const missing = kinds ? kinds.filter((kind) => !relevant.some((k) => k.kind === kind)) : [];
  const worst = relevant.reduce<WireKindStatus | undefined>((a, b) => (a && rank[a.state] >= rank[b.state] ? a : b), undefined);
  if (worst?.state === "error") return { level: "error", label: "Error", detail: explain(worst, "cannot be read"), apiserver };
  if (worst?.state === "stale") return { level: "stale", label: "Stale", detail: explain(worst, "is not current"), apiserver };
  if (worst?.state === "syncing" || missing.length > 0 || !worst) {
    return { level: "syncing", label: "Syncing", detail: "Listing objects from the cluster…", apiserver };
  }
  return { level: "live", label: "Live", apiserver };
}

function explain(status: WireKindStatus, what: string): string {
  return `${status.kind} ${what}${status.reason ? `: ${status.reason}` : ""}`;
}
