import type { ObjectStore } from "../../store";
import { findContainer, parseTime, type PodView } from "../../logs/podView";
import { hashString } from "../../logs/rng";
import { containerEnvironment } from "./containerEnv";
import { imageTraits, type ImageTraits } from "./imageTraits";
import { parseQuantity } from "./quantity";

/** Everything the fake container shows about itself, read from the pod (and its node) once. */
export interface ContainerFacts {
  podName: string;
  namespace: string;
  podIp: string;
  nodeName: string;
  containerName: string;
  image: string;
  traits: ImageTraits;
  /** PID 1's argv: the spec's command and args, else the image's default. */
  mainCommand: string[];
  startedMs: number;
  nodeBootMs: number;
  memTotalKiB: number;
  memLimitBytes?: number;
  cpuCount: number;
  env: Map<string, string>;
  /** Stable per container, for plausible-looking numbers. */
  seed: number;
}

const defaultNodeMemoryKiB = 16 * 1024 * 1024;

function nodeCapacity(store: ObjectStore, nodeName: string): { memKiB?: number; cpus?: number; createdMs?: number } {
  const node = store.get("nodes", undefined, nodeName);
  const capacity = (node?.status as { capacity?: Record<string, string> } | undefined)?.capacity ?? {};
  const memBytes = parseQuantity(capacity.memory);
  const cpus = parseQuantity(capacity.cpu);
  return { memKiB: memBytes && Math.round(memBytes / 1024), cpus: cpus && Math.max(1, Math.round(cpus)), createdMs: parseTime(node?.metadata.creationTimestamp) };
}

export function containerFacts(pod: PodView, containerName: string, store: ObjectStore, nowMs: number): ContainerFacts {
  const container = findContainer(pod, containerName);
  if (!container) throw new Error(`container ${containerName} is not in pod ${pod.metadata.name}`);
  const image = container.spec.image ?? container.status?.image ?? "busybox";
  const traits = imageTraits(image);
  const nodeName = pod.spec.nodeName ?? "node-1";
  const node = nodeCapacity(store, nodeName);
  const seed = hashString(`${pod.metadata.uid ?? pod.metadata.name}/${containerName}`);
  const startedMs = parseTime(container.status?.state?.running?.startedAt) ?? parseTime(pod.metadata.creationTimestamp) ?? nowMs;
  const spec = container.spec;
  return {
    podName: pod.metadata.name,
    namespace: pod.metadata.namespace ?? "default",
    podIp: pod.status.podIP ?? "10.244.0.10",
    nodeName,
    containerName,
    image,
    traits,
    mainCommand: spec.command?.length ? [...spec.command, ...(spec.args ?? [])] : [...traits.defaultCommand, ...(spec.args ?? [])],
    startedMs,
    nodeBootMs: Math.min(node.createdMs ?? Number.POSITIVE_INFINITY, startedMs - (seed % 20) * 3_600_000 - 600_000),
    memTotalKiB: node.memKiB ?? defaultNodeMemoryKiB,
    memLimitBytes: parseQuantity(spec.resources?.limits?.memory),
    cpuCount: node.cpus ?? 4,
    env: containerEnvironment(pod, spec, traits, store),
    seed,
  };
}
