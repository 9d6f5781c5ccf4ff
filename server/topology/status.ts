import { podStatusTone, summarizePod } from "@/lib/k8s/podStatus";
import type { ContainerStatusView, Node, Pod } from "@/lib/k8s/types";
import type { TopologyStatus } from "@/lib/wire/topology";

// Worst first: a group or controller shows its most alarming member.
const severity: readonly TopologyStatus[] = ["failed", "crashlooping", "notready", "terminating", "pending", "unknown", "running", "succeeded"];
const rank = new Map(severity.map((status, index) => [status, index]));

/** The most alarming of `statuses`; `fallback` when there are none. */
export function worstStatus(statuses: Iterable<TopologyStatus>, fallback: TopologyStatus = "unknown"): TopologyStatus {
  let worst: TopologyStatus | undefined;
  for (const status of statuses) if (worst === undefined || rank.get(status)! < rank.get(worst)!) worst = status;
  return worst ?? fallback;
}

function readyConditionFalse(pod: Pod): boolean {
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === "Ready");
  return ready !== undefined && ready.status !== "True";
}

/** A pod's map status, derived from kubectl's STATUS column so the map and the tables agree. */
export function podTopologyStatus(pod: Pod): TopologyStatus {
  const summary = summarizePod(pod);
  const phase = pod.status?.phase;
  if (summary.status === "Terminating") return "terminating";
  if (summary.status === "CrashLoopBackOff") return "crashlooping";
  if (phase === "Failed") return "failed";
  if (phase === "Succeeded" || summary.status === "Completed") return "succeeded";
  if (summary.status === "Unknown") return "unknown";
  const tone = podStatusTone(summary.status);
  // A container that keeps exiting with errors between back-offs is crash-looping too.
  if (tone === "error") return summary.restarts > 0 ? "crashlooping" : "failed";
  if (phase === "Pending" || tone === "progress") return "pending";
  if (summary.status === "NotReady" || readyConditionFalse(pod)) return "notready";
  return "running";
}

/** A Job's pod that has run to its end: its outcome belongs to the Job, not to the host or namespace it ran in. */
export function isFinishedJobPod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (phase === "Succeeded" || phase === "Failed") && (pod.metadata.ownerReferences ?? []).some((owner) => owner.kind === "Job");
}

/** The worst status of the pods on a host or in a namespace, leaving out finished Job pods; "running" when none count. */
export function podsHealth(pods: readonly Pod[]): TopologyStatus {
  return worstStatus(pods.filter((pod) => !isFinishedJobPod(pod)).map(podTopologyStatus), "running");
}

/** Restarts of all containers of a pod, as kubectl counts them. */
export function podRestarts(pod: Pod): number {
  return summarizePod(pod).restarts;
}

/** One container's status, from its state; a terminating pod's containers are terminating. */
export function containerTopologyStatus(pod: Pod, status: ContainerStatusView | undefined): TopologyStatus {
  if (pod.metadata.deletionTimestamp) return "terminating";
  const state = status?.state;
  if (!status || !state) return pod.status?.phase === "Pending" ? "pending" : "unknown";
  if (state.waiting) return state.waiting.reason === "CrashLoopBackOff" ? "crashlooping" : /Err|BackOff|Invalid/.test(state.waiting.reason ?? "") ? "failed" : "pending";
  if (state.terminated) return (state.terminated.exitCode ?? 0) === 0 ? "succeeded" : "failed";
  if (state.running) return status.ready === false ? "notready" : "running";
  return "unknown";
}

/** A host's own status: NotReady and cordoned (unschedulable) nodes both show as not ready. */
export function nodeTopologyStatus(node: Node): TopologyStatus {
  if (node.metadata.deletionTimestamp) return "terminating";
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  if (ready === undefined) return "unknown";
  if (ready.status !== "True" || node.spec?.unschedulable === true) return "notready";
  return "running";
}
