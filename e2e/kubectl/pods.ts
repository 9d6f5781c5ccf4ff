// Pods as the tests reason about them, read from `kubectl get pods -o json`.

export interface PodSummary {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  phase: string;
  ready: boolean;
  deleting: boolean;
  ownerKind: string;
  ownerName: string;
  restarts: number;
}

export interface PodJson {
  metadata: { name: string; namespace?: string; uid?: string; deletionTimestamp?: string; ownerReferences?: { kind: string; name: string; controller?: boolean }[] };
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[]; containerStatuses?: { restartCount?: number }[] };
}

export function summarizePod(pod: PodJson): PodSummary {
  const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller === true);
  return {
    namespace: pod.metadata.namespace ?? "",
    name: pod.metadata.name,
    uid: pod.metadata.uid ?? "",
    node: pod.spec?.nodeName ?? "",
    phase: pod.status?.phase ?? "",
    ready: (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
    deleting: pod.metadata.deletionTimestamp !== undefined,
    ownerKind: owner?.kind ?? "",
    ownerName: owner?.name ?? "",
    restarts: (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
  };
}

/** A compact listing for failure messages. */
export function describePods(pods: readonly PodSummary[]): string {
  if (pods.length === 0) return "(no pods)";
  return pods.map((p) => `${p.namespace}/${p.name} node=${p.node || "-"} phase=${p.phase} ready=${p.ready}${p.deleting ? " deleting" : ""}`).join("\n");
}

export const live = (pods: PodSummary[]) => pods.filter((p) => !p.deleting);
export const runningReady = (p: PodSummary) => p.phase === "Running" && p.ready;

/** After a drain: each evicted pod of a ReplicaSet or StatefulSet has a Running successor (another uid) on another node, and only DaemonSet pods stay on `node`. */
export function replacedElsewhere(evicted: readonly PodSummary[], node: string): (pods: PodSummary[]) => boolean {
  const successor = (old: PodSummary, p: PodSummary) =>
    p.ownerKind === old.ownerKind && p.ownerName === old.ownerName && p.uid !== old.uid && !p.deleting && p.phase === "Running" && p.node !== "" && p.node !== node;
  return (pods) => evicted.every((old) => pods.some((p) => successor(old, p))) && pods.every((p) => p.node !== node || p.ownerKind === "DaemonSet");
}
