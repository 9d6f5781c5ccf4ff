import { parseQuantity } from "@/lib/k8s/quantity";
import { parseTimestamp } from "../clock";
import { containerBehavior } from "../kubelet/behavior";
import { podIdentity } from "../kubelet/lifecycle";
import type { ContainerSpec, Node, Pod } from "../objects/types";
import { unitHash } from "../random";
import { containerProfile, cpuCores, cpuIntegral, cpuSeconds, memoryBytes, smoothTotal, type ContainerProfile } from "../usage";

export interface ContainerUsage {
  name: string;
  startedMs: number;
  cpuCores: number;
  /** Core-seconds since this container started. */
  cpuSeconds: number;
  memoryBytes: number;
  memoryLimitBytes?: number;
}

export interface PodUsage {
  pod: Pod;
  startMs: number;
  containers: ContainerUsage[];
  cpuCores: number;
  /** Core-seconds since the pod started (the pod cgroup outlives container restarts). */
  cpuSeconds: number;
  memoryBytes: number;
  rxBytes: number;
  txBytes: number;
}

function profileOf(seed: number, pod: Pod, spec: ContainerSpec, startedMs: number): ContainerProfile {
  return containerProfile({ seed, podUid: podIdentity(pod), container: spec, startedMs, leaks: containerBehavior(pod, spec) === "leak" });
}

/** Usage of a pod's running containers at `atMs`; undefined when none is running. */
export function podUsage(pod: Pod, seed: number, atMs: number): PodUsage | undefined {
  if (pod.status?.phase !== "Running") return undefined;
  const startMs = parseTimestamp(pod.status.startTime) ?? atMs;
  const containers: ContainerUsage[] = [];
  let podCpuSeconds = 0;
  for (const spec of pod.spec.containers) {
    const status = pod.status.containerStatuses?.find((s) => s.name === spec.name);
    const startedMs = parseTimestamp(status?.state.running?.startedAt);
    if (startedMs === undefined || startedMs > atMs) continue;
    const profile = profileOf(seed, pod, spec, startedMs);
    const limit = spec.resources?.limits?.memory;
    containers.push({ name: spec.name, startedMs, cpuCores: cpuCores(profile, atMs), cpuSeconds: cpuSeconds(profile, atMs), memoryBytes: memoryBytes(profile, atMs), memoryLimitBytes: limit ? parseQuantity(limit) : undefined });
    podCpuSeconds += cpuIntegral(profile, startMs, atMs);
  }
  if (containers.length === 0) return undefined;
  const key = `${seed}/${podIdentity(pod)}`;
  const rxBase = 2_000 + 200_000 * unitHash(key, "rx") ** 2;
  return {
    pod,
    startMs,
    containers,
    cpuCores: containers.reduce((s, c) => s + c.cpuCores, 0),
    cpuSeconds: podCpuSeconds,
    memoryBytes: containers.reduce((s, c) => s + c.memoryBytes, 0),
    rxBytes: Math.round(smoothTotal(`${key}/rx`, rxBase, startMs, atMs)),
    txBytes: Math.round(smoothTotal(`${key}/tx`, rxBase * (0.6 + 0.8 * unitHash(key, "tx")), startMs, atMs)),
  };
}

export interface NodeUsage {
  cpuCores: number;
  cpuSeconds: number;
  memoryWorkingSetBytes: number;
  memoryCapacityBytes: number;
  systemCpuCores: number;
  systemMemoryBytes: number;
  bootMs: number;
  pods: PodUsage[];
}

/** The kubelet, runtime and OS share of a node, modelled like one more container. */
function systemProfile(seed: number, node: Node, bootMs: number): ContainerProfile {
  const spec: ContainerSpec = { name: "system", image: "", resources: { requests: { cpu: "150m", memory: "600Mi" } } };
  return containerProfile({ seed, podUid: `node/${node.metadata.name}`, container: spec, startedMs: bootMs, leaks: false });
}

/**
 * Per-node CPU counters: core-seconds accumulated between reads at the node's current rate, so the counter
 * never goes back even when pods come and go.
 */
export class NodeCpuCounters {
  private readonly counters = new Map<string, { atMs: number; total: number }>();

  read(node: string, bootMs: number, rateCores: number, atMs: number): number {
    const counter = this.counters.get(node);
    if (!counter) {
      const total = (rateCores * Math.max(0, atMs - bootMs)) / 1000;
      this.counters.set(node, { atMs, total });
      return total;
    }
    if (atMs > counter.atMs) {
      counter.total += (rateCores * (atMs - counter.atMs)) / 1000;
      counter.atMs = atMs;
    }
    return counter.total;
  }
}

export function nodeUsage(node: Node, pods: readonly Pod[], seed: number, atMs: number, counters: NodeCpuCounters): NodeUsage {
  const bootMs = parseTimestamp(node.metadata.creationTimestamp) ?? atMs;
  const usages = pods.map((p) => podUsage(p, seed, atMs)).filter((u): u is PodUsage => u !== undefined);
  const system = systemProfile(seed, node, bootMs);
  const systemCpuCores = cpuCores(system, atMs);
  const systemMemoryBytes = memoryBytes(system, atMs);
  const cpu = systemCpuCores + usages.reduce((s, u) => s + u.cpuCores, 0);
  return {
    cpuCores: cpu,
    cpuSeconds: counters.read(node.metadata.name, bootMs, cpu, atMs),
    memoryWorkingSetBytes: systemMemoryBytes + usages.reduce((s, u) => s + u.memoryBytes, 0),
    memoryCapacityBytes: parseQuantity(node.status?.capacity?.memory ?? "0") ?? 0,
    systemCpuCores,
    systemMemoryBytes,
    bootMs,
    pods: usages,
  };
}
