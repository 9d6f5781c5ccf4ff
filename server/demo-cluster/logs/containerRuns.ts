import { hashString } from "./rng";
import { containerNames, findContainer, parseTime, type ContainerStateView, type PodContainer, type PodView, type TerminatedView } from "./podView";
import { badRequest } from "./statusError";

export type RunOutcome = "running" | "crashed" | "oomKilled" | "completed";

/** One run of a container (one container instance): everything its log is derived from. */
export interface LogRun {
  /** Identity of the run: pod uid, container name and the run's start time. */
  seed: number;
  /** Identity of the container across its runs (pod uid and name): fixes its line rate. */
  containerSeed: number;
  podName: string;
  namespace: string;
  containerName: string;
  image: string;
  startMs: number;
  /** When the run finished; undefined while it is running. */
  endMs?: number;
  outcome: RunOutcome;
  exitCode: number;
  /** The run leaks memory: its log warns about growing memory use. */
  oomProne: boolean;
}

/** Picks the container like the apiserver does: the only one, or the one named (400 otherwise). */
export function resolveContainerName(pod: PodView, requested: string | undefined): string {
  const names = containerNames(pod);
  if (requested) {
    if (!names.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    return requested;
  }
  if (pod.spec.containers.length === 1) return pod.spec.containers[0]!.name;
  if (pod.spec.containers.length === 0) throw badRequest(`a container name must be specified for pod ${pod.metadata.name}`);
  throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(" ")}]`);
}

/**
 * The run whose log `kubectl logs` shows, following the kubelet's rules: the previous run when
 * asked, else the running one, else the last one that terminated; a waiting container has none.
 */
export function resolveLogRun(pod: PodView, containerName: string, previous: boolean): LogRun {
  const container = findContainer(pod, containerName);
  if (!container) throw badRequest(`container ${containerName} is not valid for pod ${pod.metadata.name}`);
  const where = `container "${containerName}" in pod "${pod.metadata.name}"`;
  const state = container.status?.state ?? {};
  const last = container.status?.lastState ?? {};
  if (previous) {
    if (!last.terminated) throw badRequest(`previous terminated ${where} not found`);
    return finishedRun(pod, container, last.terminated, last);
  }
  if (state.running) return runningRun(pod, container, state.running.startedAt);
  if (state.terminated) return finishedRun(pod, container, state.terminated, last);
  if (last.terminated) return finishedRun(pod, container, last.terminated, last);
  throw badRequest(`${where} is waiting to start: ${waitingReason(state)}`);
}

function waitingReason(state: ContainerStateView): string {
  const reason = state.waiting?.reason ?? "ContainerCreating";
  if (reason === "ErrImagePull") return "image can't be pulled";
  if (reason === "ImagePullBackOff") return "trying and failing to pull image";
  return reason;
}

function baseRun(pod: PodView, container: PodContainer, startMs: number) {
  const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
  return {
    seed: hashString(`${uid}/${container.spec.name}/${startMs}`),
    containerSeed: hashString(`${uid}/${container.spec.name}`),
    podName: pod.metadata.name,
    namespace: pod.metadata.namespace ?? "default",
    containerName: container.spec.name,
    image: container.spec.image ?? container.status?.image ?? "busybox",
  };
}

function runningRun(pod: PodView, container: PodContainer, startedAt: string | undefined): LogRun {
  const startMs = parseTime(startedAt) ?? Date.now();
  const lastReason = container.status?.lastState?.terminated?.reason;
  return { ...baseRun(pod, container, startMs), startMs, outcome: "running", exitCode: 0, oomProne: lastReason === "OOMKilled" };
}

function finishedRun(pod: PodView, container: PodContainer, terminated: TerminatedView, last: ContainerStateView): LogRun {
  const endMs = parseTime(terminated.finishedAt) ?? Date.now();
  const startMs = Math.min(parseTime(terminated.startedAt) ?? endMs - 60_000, endMs);
  const outcome = outcomeOf(terminated);
  const oomProne = outcome === "oomKilled" || last.terminated?.reason === "OOMKilled";
  return { ...baseRun(pod, container, startMs), startMs, endMs, outcome, exitCode: terminated.exitCode ?? 0, oomProne };
}

function outcomeOf(terminated: TerminatedView): RunOutcome {
  if (terminated.reason === "OOMKilled") return "oomKilled";
  return (terminated.exitCode ?? 0) === 0 ? "completed" : "crashed";
}

/**
 * After a pod change: the finished form of `run` if that run has ended (found by its start time
 * in state or lastState), a run closed at `nowMs` if another run replaced it unseen, else undefined.
 */
export function finishedVersionOf(pod: PodView, run: LogRun, nowMs: number): LogRun | undefined {
  const container = findContainer(pod, run.containerName);
  if (!container?.status) return undefined;
  const { state = {}, lastState = {} } = container.status;
  for (const [terminated, before] of [[state.terminated, lastState], [lastState.terminated, {}]] as const) {
    if (terminated && parseTime(terminated.startedAt) === run.startMs) return finishedRun(pod, container, terminated, before);
  }
  const runningSince = parseTime(state.running?.startedAt);
  if (runningSince === run.startMs) return undefined;
  if (runningSince === undefined && !state.terminated && !lastState.terminated) return undefined;
  return { ...run, endMs: Math.max(run.startMs, Math.min(nowMs, runningSince ?? nowMs)), outcome: "completed" };
}
