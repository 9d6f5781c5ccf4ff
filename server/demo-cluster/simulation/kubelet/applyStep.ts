import { parseQuantity } from "@/lib/k8s/quantity";
import { toTimestamp } from "../clock";
import type { EventType } from "../events";
import type { ContainerSpec, ContainerStatus, Pod } from "../objects/types";
import { containerBehavior, restartBackoffMs } from "./behavior";
import { containerIdOf, formatGoDuration, imageIdOf, qualifiedImage, waitingStatus } from "./containerStatus";
import { podIdentity, type PlannedStep } from "./lifecycle";
import { refreshPodStatus, setCondition } from "./podPhase";

/** What a step needs from the node it runs on. */
export interface KubeletEnv {
  seed: number;
  hostIP(nodeName: string): string | undefined;
  /** A free address in the node's pod CIDR (or the node's own for hostNetwork pods). */
  allocatePodIP(pod: Pod): string;
}

export interface StepEvent {
  /** The pod itself, or its node (kernel OOM reports). */
  on: "pod" | "node";
  type: EventType;
  reason: string;
  message: string;
  fieldPath?: string;
}

const containerField = (name: string) => `spec.containers{${name}}`;

function applySandbox(pod: Pod, at: number, env: KubeletEnv): void {
  const status = pod.status!;
  const hostIP = env.hostIP(pod.spec.nodeName!) ?? "";
  status.hostIP = hostIP;
  status.hostIPs = [{ ip: hostIP }];
  status.startTime = toTimestamp(at);
  setCondition(status, "PodReadyToStartContainers", "True", at);
  setCondition(status, "Initialized", "True", at);
  status.containerStatuses = pod.spec.containers.map((c) => waitingStatus(c, "ContainerCreating"));
  if (pod.spec.initContainers?.length) status.initContainerStatuses = pod.spec.initContainers.map((c) => completedInitStatus(pod, c, at));
  refreshPodStatus(pod, at);
}

/** Init containers run to completion while the sandbox comes up. */
function completedInitStatus(pod: Pod, spec: ContainerSpec, at: number): ContainerStatus {
  const containerID = containerIdOf(podIdentity(pod), spec.name, 0);
  const time = toTimestamp(at);
  return {
    ...waitingStatus(spec, "PodInitializing"),
    state: { terminated: { exitCode: 0, reason: "Completed", startedAt: time, finishedAt: time, containerID } },
    ready: true,
    imageID: imageIdOf(spec.image),
    containerID,
  };
}

function applyStart(pod: Pod, spec: ContainerSpec, cs: ContainerStatus, at: number, env: KubeletEnv): StepEvent[] {
  const restarted = cs.state.terminated !== undefined || cs.state.waiting?.reason === "CrashLoopBackOff";
  const restartCount = restarted ? cs.restartCount + 1 : cs.restartCount;
  const lastState = cs.state.terminated ? { terminated: cs.state.terminated } : cs.lastState;
  const containerID = containerIdOf(podIdentity(pod), spec.name, restartCount);
  Object.assign(cs, {
    state: { running: { startedAt: toTimestamp(at) } },
    lastState,
    ready: !spec.readinessProbe,
    restartCount,
    image: qualifiedImage(spec.image),
    imageID: imageIdOf(spec.image),
    containerID,
    started: true,
  });
  if (!pod.status!.podIP) {
    const ip = env.allocatePodIP(pod);
    pod.status!.podIP = ip;
    pod.status!.podIPs = [{ ip }];
  }
  const fieldPath = containerField(spec.name);
  const pulled = restarted
    ? `Container image "${spec.image}" already present on machine`
    : `Successfully pulled image "${spec.image}" in 1.2s (1.2s including waiting). Image size: 28312104 bytes.`;
  return [
    ...(restarted ? [] : [{ on: "pod" as const, type: "Normal" as const, reason: "Pulling", message: `Pulling image "${spec.image}"`, fieldPath }]),
    { on: "pod", type: "Normal", reason: "Pulled", message: pulled, fieldPath },
    { on: "pod", type: "Normal", reason: "Created", message: `Created container ${spec.name}`, fieldPath },
    { on: "pod", type: "Normal", reason: "Started", message: `Started container ${spec.name}`, fieldPath },
  ];
}

function applyExit(pod: Pod, spec: ContainerSpec, cs: ContainerStatus, at: number): StepEvent[] {
  const behavior = containerBehavior(pod, spec);
  const [exitCode, reason] = behavior === "leak" ? [137, "OOMKilled"] : behavior === "complete" || behavior === "steady" ? [0, "Completed"] : [1, "Error"];
  cs.state = {
    terminated: { exitCode, reason, startedAt: cs.state.running?.startedAt ?? toTimestamp(at), finishedAt: toTimestamp(at), containerID: cs.containerID ?? "" },
  };
  cs.ready = false;
  cs.started = false;
  if (reason !== "OOMKilled") return [];
  const pid = 1000 + (Math.floor(at / 1000) % 60000);
  const rssKb = Math.round((parseQuantity(spec.resources?.limits?.memory ?? "0") ?? 0) / 1024);
  const message = `Memory cgroup out of memory: Killed process ${pid} (${spec.name}) total-vm:${rssKb + 712344}kB, anon-rss:${rssKb}kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:985`;
  return [{ on: "node", type: "Warning", reason: "OOMKilling", message }];
}

function applyBackoff(pod: Pod, spec: ContainerSpec, cs: ContainerStatus): StepEvent[] {
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid ?? ""})`;
  const backoff = formatGoDuration(restartBackoffMs(cs.restartCount));
  cs.lastState = { terminated: cs.state.terminated! };
  cs.state = { waiting: { reason: "CrashLoopBackOff", message: `back-off ${backoff} restarting failed container=${spec.name} pod=${podRef}` } };
  return [{ on: "pod", type: "Warning", reason: "BackOff", message: `Back-off restarting failed container ${spec.name} in pod ${podRef}`, fieldPath: containerField(spec.name) }];
}

/** Applies a planned step to a pod (a draft the caller writes back) and returns the events it produces. */
export function applyStep(pod: Pod, step: PlannedStep, env: KubeletEnv): StepEvent[] {
  pod.status ??= { phase: "Pending" };
  if (step.kind === "sandbox") {
    applySandbox(pod, step.at, env);
    return [];
  }
  const spec = pod.spec.containers.find((c) => c.name === step.container);
  const cs = pod.status.containerStatuses?.find((s) => s.name === step.container);
  if (!spec || !cs) return [];
  let events: StepEvent[] = [];
  if (step.kind === "start") events = applyStart(pod, spec, cs, step.at, env);
  else if (step.kind === "ready") cs.ready = true;
  else if (step.kind === "exit") events = applyExit(pod, spec, cs, step.at);
  else events = applyBackoff(pod, spec, cs);
  refreshPodStatus(pod, step.at);
  return events;
}
