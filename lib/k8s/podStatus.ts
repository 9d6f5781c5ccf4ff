import type { ContainerStatusView, ContainerView, Pod } from "./types";

export interface PodSummary {
  /** What kubectl prints in STATUS: Running, CrashLoopBackOff, OOMKilled, Init:1/2, Terminating... */
  status: string;
  ready: number;
  total: number;
  restarts: number;
}

export type StatusTone = "ok" | "progress" | "warning" | "error";

const isSidecar = (container: ContainerView | undefined) => container?.restartPolicy === "Always";

function terminatedReason(prefix: string, terminated: NonNullable<ContainerStatusView["state"]>["terminated"]): string | undefined {
  if (!terminated) return undefined;
  if (terminated.reason) return prefix + terminated.reason;
  if (terminated.signal) return `${prefix}Signal:${terminated.signal}`;
  return `${prefix}ExitCode:${terminated.exitCode ?? 0}`;
}

interface InitProgress {
  reason?: string;
  readySidecars: number;
  sidecarRestarts: number;
  restarts: number;
}

// kubectl stops at the first init container that has not finished and reports it.
function inspectInitContainers(pod: Pod): InitProgress {
  const specs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const statuses = pod.status?.initContainerStatuses ?? [];
  const progress: InitProgress = { readySidecars: 0, sidecarRestarts: 0, restarts: 0 };
  for (const [index, container] of statuses.entries()) {
    progress.restarts += container.restartCount ?? 0;
    const sidecar = isSidecar(specs.get(container.name));
    if (sidecar) progress.sidecarRestarts += container.restartCount ?? 0;
    const terminated = container.state?.terminated;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && container.started) {
      if (container.ready) progress.readySidecars++;
      continue;
    }
    const waiting = container.state?.waiting?.reason;
    if (terminated) progress.reason = terminatedReason("Init:", terminated);
    else if (waiting && waiting !== "PodInitializing") progress.reason = `Init:${waiting}`;
    else progress.reason = `Init:${index}/${specs.size}`;
    break;
  }
  return progress;
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

interface ContainerProgress {
  reason?: string;
  ready: number;
  restarts: number;
  hasRunning: boolean;
}

// The last container with something to say wins, as in kubectl (it walks them in reverse).
function inspectContainers(pod: Pod): ContainerProgress {
  const progress: ContainerProgress = { ready: 0, restarts: 0, hasRunning: false };
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const container = statuses[i]!;
    progress.restarts += container.restartCount ?? 0;
    const state = container.state ?? {};
    if (state.waiting?.reason) progress.reason = state.waiting.reason;
    else if (state.terminated) progress.reason = terminatedReason("", state.terminated);
    else if (container.ready && state.running) {
      progress.hasRunning = true;
      progress.ready++;
    }
  }
  return progress;
}

/** Derives STATUS, READY and RESTARTS exactly as `kubectl get pods` prints them. */
export function summarizePod(pod: Pod): PodSummary {
  const sidecars = (pod.spec?.initContainers ?? []).filter(isSidecar).length;
  const total = (pod.spec?.containers ?? []).length + sidecars;
  let status = pod.status?.reason || pod.status?.phase || "Unknown";
  const gated = (pod.status?.conditions ?? []).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated");
  if (gated) status = "SchedulingGated";
  const init = inspectInitContainers(pod);
  let ready = init.readySidecars;
  let restarts = init.restarts;
  if (init.reason) status = init.reason;
  if (!init.reason || hasCondition(pod, "Initialized")) {
    const containers = inspectContainers(pod);
    restarts = init.sidecarRestarts + containers.restarts;
    ready += containers.ready;
    if (containers.reason) status = containers.reason;
    if (status === "Completed" && containers.hasRunning) status = hasCondition(pod, "Ready") ? "Running" : "NotReady";
  }
  const terminal = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  if (pod.metadata.deletionTimestamp && pod.status?.reason === "NodeLost") status = "Unknown";
  else if (pod.metadata.deletionTimestamp && !terminal) status = "Terminating";
  return { status, ready, total, restarts };
}

const okStatuses = new Set(["Running", "Completed", "Succeeded"]);
const progressStatuses = new Set(["Pending", "ContainerCreating", "PodInitializing", "Terminating", "SchedulingGated"]);

/** How alarming a STATUS is, for colouring. */
export function podStatusTone(status: string): StatusTone {
  if (okStatuses.has(status)) return "ok";
  if (progressStatuses.has(status) || /^Init:\d+\/\d+$/.test(status)) return "progress";
  if (status === "NotReady") return "warning";
  return "error";
}
