import { parseTimestamp } from "../clock";
import type { ContainerSpec, ContainerStatus, Pod } from "../objects/types";
import { containerProfile, oomKillAt } from "../usage";
import { containerBehavior, restartBackoffMs, timings, type Behavior } from "./behavior";

/** What the kubelet does next to a pod: set up its sandbox, or start, mark ready, stop, or back off a container. */
export type StepKind = "sandbox" | "start" | "ready" | "exit" | "backoff";

export interface PlannedStep {
  at: number;
  kind: StepKind;
  container?: string;
}

/** A pod's identity for deterministic timings: stable before and after the store assigns a uid. */
export function podIdentity(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}@${pod.metadata.creationTimestamp ?? ""}`;
}

function scheduledAt(pod: Pod): number {
  const condition = pod.status?.conditions?.find((c) => c.type === "PodScheduled" && c.status === "True");
  return parseTimestamp(condition?.lastTransitionTime) ?? parseTimestamp(pod.metadata.creationTimestamp) ?? 0;
}

/** When the running container stops by itself, or undefined if it runs until stopped. */
export function exitTime(pod: Pod, spec: ContainerSpec, status: ContainerStatus, seed: number): number | undefined {
  const startedAt = parseTimestamp(status.state.running?.startedAt);
  if (startedAt === undefined) return undefined;
  const id = podIdentity(pod);
  const behavior: Behavior = containerBehavior(pod, spec);
  switch (behavior) {
    case "crashloop":
      return startedAt + timings.crashAfter(id, spec.name, status.restartCount);
    case "complete":
      return startedAt + timings.completeAfter(id, spec);
    case "fail":
      return startedAt + timings.failAfter(id, spec.name);
    case "leak":
      return oomKillAt(containerProfile({ seed, podUid: id, container: spec, startedMs: startedAt, leaks: true }));
    default:
      return undefined;
  }
}

export function needsRestart(pod: Pod, status: ContainerStatus): boolean {
  const exitCode = status.state.terminated?.exitCode;
  if (exitCode === undefined) return false;
  const policy = pod.spec.restartPolicy ?? "Always";
  return policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
}

function planContainer(pod: Pod, spec: ContainerSpec, status: ContainerStatus, seed: number): PlannedStep | undefined {
  const id = podIdentity(pod);
  const name = spec.name;
  const { waiting, running, terminated } = status.state;
  if (waiting?.reason === "CrashLoopBackOff") {
    const finished = parseTimestamp(status.lastState.terminated?.finishedAt) ?? 0;
    return { at: finished + restartBackoffMs(status.restartCount), kind: "start", container: name };
  }
  if (waiting) {
    const sandboxAt = parseTimestamp(pod.status?.startTime) ?? scheduledAt(pod);
    return { at: sandboxAt + timings.start(id, name), kind: "start", container: name };
  }
  if (running) {
    const startedAt = parseTimestamp(running.startedAt) ?? 0;
    const exitAt = exitTime(pod, spec, status, seed);
    const readyAt = status.ready ? undefined : startedAt + timings.ready(id, spec);
    if (readyAt !== undefined && (exitAt === undefined || readyAt < exitAt)) return { at: readyAt, kind: "ready", container: name };
    return exitAt === undefined ? undefined : { at: exitAt, kind: "exit", container: name };
  }
  if (terminated && needsRestart(pod, status)) {
    const noticed = (parseTimestamp(terminated.finishedAt) ?? 0) + timings.noticeExit();
    if (status.restartCount === 0) return { at: noticed + timings.restart(id, name, 0), kind: "start", container: name };
    return { at: noticed, kind: "backoff", container: name };
  }
  return undefined;
}

/** The kubelet's next action on a bound pod and when it is due; undefined when the pod is settled. */
export function planNextStep(pod: Pod, seed: number): PlannedStep | undefined {
  if (!pod.spec.nodeName || pod.metadata.deletionTimestamp) return undefined;
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return undefined;
  if (!pod.status?.startTime) return { at: scheduledAt(pod) + timings.sandbox(podIdentity(pod)), kind: "sandbox" };
  let next: PlannedStep | undefined;
  for (const spec of pod.spec.containers) {
    const status = pod.status.containerStatuses?.find((s) => s.name === spec.name);
    if (!status) continue;
    const step = planContainer(pod, spec, status, seed);
    if (step && (!next || step.at < next.at)) next = step;
  }
  return next;
}
