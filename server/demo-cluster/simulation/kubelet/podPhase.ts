import { toTimestamp } from "../clock";
import type { Condition, ContainerStatus, Pod, PodStatus } from "../objects/types";

/** The order in which the kubelet lists pod conditions. */
const conditionOrder = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"];

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
export function setCondition(status: PodStatus, type: string, value: Condition["status"], atMs: number, reason?: string, message?: string): void {
  const conditions = status.conditions ?? [];
  const existing = conditions.find((c) => c.type === type);
  const next: Condition = {
    type,
    status: value,
    lastProbeTime: null,
    lastTransitionTime: existing && existing.status === value ? existing.lastTransitionTime : toTimestamp(atMs),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
  const others = conditions.filter((c) => c.type !== type);
  status.conditions = [...others, next].sort((a, b) => rank(a.type) - rank(b.type));
}

function rank(type: string): number {
  const index = conditionOrder.indexOf(type);
  return index < 0 ? conditionOrder.length : index;
}

export function conditionStatus(pod: Pod, type: string): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)?.status;
}

export function isPodReady(pod: Pod): boolean {
  return conditionStatus(pod, "Ready") === "True";
}

function willRestart(policy: string | undefined, status: ContainerStatus): boolean {
  const exitCode = status.state.terminated?.exitCode;
  if (exitCode === undefined) return true;
  if (policy === "Never") return false;
  if (policy === "OnFailure") return exitCode !== 0;
  return true;
}

/** The pod phase from its containers, as the kubelet's getPhase decides it. */
export function computePhase(pod: Pod): PodStatus["phase"] {
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.length < pod.spec.containers.length) return "Pending";
  const started = statuses.filter((s) => s.state.running || s.state.terminated || s.lastState.terminated);
  if (statuses.some((s) => s.state.running)) return "Running";
  if (started.length < statuses.length) return "Pending";
  if (statuses.some((s) => !s.state.terminated || willRestart(pod.spec.restartPolicy, s))) return "Running";
  return statuses.every((s) => s.state.terminated?.exitCode === 0) ? "Succeeded" : "Failed";
}

/** Recomputes phase and the readiness conditions after a container changed. */
export function refreshPodStatus(pod: Pod, atMs: number): void {
  const status = pod.status!;
  status.phase = computePhase(pod);
  const statuses = status.containerStatuses ?? [];
  if (status.phase === "Succeeded" || status.phase === "Failed") {
    setCondition(status, "PodReadyToStartContainers", "False", atMs);
    setCondition(status, "Ready", "False", atMs, "PodCompleted");
    setCondition(status, "ContainersReady", "False", atMs, "PodCompleted");
    return;
  }
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  if (unready.length === 0) {
    setCondition(status, "Ready", "True", atMs);
    setCondition(status, "ContainersReady", "True", atMs);
    return;
  }
  const message = `containers with unready status: [${unready.join(" ")}]`;
  setCondition(status, "Ready", "False", atMs, "ContainersNotReady", message);
  setCondition(status, "ContainersReady", "False", atMs, "ContainersNotReady", message);
}
