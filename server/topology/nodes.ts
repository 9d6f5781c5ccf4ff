import type { KubeObject, Node, Pod } from "@/lib/k8s/types";
import type { TopologyEdge, TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import { sumUsage, type ResourceUsage, type UsageLookup } from "../kube/usage/usageLookup";
import { nodeTopologyStatus, podRestarts, podsHealth, podTopologyStatus, worstStatus } from "./status";

// Builders of map nodes and edges shared by the views.

/** A map node for a Kubernetes object: its uid, name, namespace, labels and annotations. */
export function objectNode(object: KubeObject, kind: TopologyKind, status: TopologyStatus): TopologyNode {
  const meta = object.metadata;
  const node: TopologyNode = { id: meta.uid ?? `${kind}:${meta.namespace ?? ""}/${meta.name}`, kind, name: meta.name, status };
  if (meta.namespace !== undefined) node.namespace = meta.namespace;
  if (meta.labels && Object.keys(meta.labels).length > 0) node.labels = meta.labels;
  if (meta.annotations && Object.keys(meta.annotations).length > 0) node.annotations = meta.annotations;
  return node;
}

export const idOf = (object: KubeObject, kind: TopologyKind): string => object.metadata.uid ?? `${kind}:${object.metadata.namespace ?? ""}/${object.metadata.name}`;

export function edge(kind: TopologyEdge["kind"], source: string, target: string): TopologyEdge {
  return { id: `${kind}:${source}:${target}`, source, target, kind };
}

/** Images of a pod's containers (init containers first), without repeats. */
export function podImages(pod: Pod): string[] {
  const images = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.image).filter((i): i is string => !!i);
  return [...new Set(images)];
}

/** A pod's usage sample, when usage is polled and metrics.k8s.io has one for it. */
export const podUsage = (pod: Pod, usage: UsageLookup | undefined): ResourceUsage | undefined => usage?.pod(pod.metadata.namespace ?? "", pod.metadata.name);

/** A map node's metrics: CPU and memory only when sampled (never 0 as a stand-in), then restarts. */
export function metricsOf(usage: ResourceUsage | undefined, restarts: number): NonNullable<TopologyNode["metrics"]> {
  return usage ? { cpuMillicores: usage.cpuMillicores, memoryBytes: usage.memoryBytes, restarts } : { restarts };
}

// Cache objects are frozen and replaced on change, so a pod's map node is built once per version and shared.
const podNodes = new WeakMap<Pod, Readonly<TopologyNode>>();
// Samples equal to the last poll's are the same objects, so a pod with usage is rebuilt only when either changes.
const sampledPodNodes = new WeakMap<Pod, { sample: ResourceUsage; node: Readonly<TopologyNode> }>();

/** A pod's map node, with its CPU and memory when `usage` has a sample for it; callers must not change it. */
export function podNode(pod: Pod, usage?: UsageLookup): TopologyNode {
  let node = podNodes.get(pod);
  if (!node) {
    node = buildPodNode(pod);
    podNodes.set(pod, node);
  }
  const sample = podUsage(pod, usage);
  if (!sample) return node;
  const sampled = sampledPodNodes.get(pod);
  if (sampled?.sample === sample) return sampled.node;
  const withUsage: TopologyNode = { ...node, metrics: metricsOf(sample, node.metrics?.restarts ?? 0) };
  sampledPodNodes.set(pod, { sample, node: withUsage });
  return withUsage;
}

function buildPodNode(pod: Pod): TopologyNode {
  const node = objectNode(pod, "Pod", podTopologyStatus(pod));
  if (pod.spec?.nodeName) node.node = pod.spec.nodeName;
  const images = podImages(pod);
  if (images.length > 0) node.images = images;
  node.metrics = { restarts: podRestarts(pod) };
  return node;
}

/** Status, count, restarts and summed usage of a set of pods, for the object that holds them. */
export interface PodRollup {
  count: number;
  worst: TopologyStatus;
  restarts: number;
  /** The sum over the pods that have a sample; undefined when none has. */
  usage: ResourceUsage | undefined;
}

export function rollup(pods: readonly Pod[], usage?: UsageLookup): PodRollup {
  const nodes = pods.map((pod) => podNode(pod));
  return {
    count: pods.length,
    worst: worstStatus(nodes.map((n) => n.status)),
    restarts: nodes.reduce((sum, n) => sum + (n.metrics?.restarts ?? 0), 0),
    usage: usage ? sumUsage(pods.map((pod) => podUsage(pod, usage))) : undefined,
  };
}

/**
 * A host: its status is its own (Ready condition, cordon); `group` carries its pods apart (count and worst, finished
 * Job pods left out), so a failed Job on a healthy host does not make the host look broken.
 */
export function hostNode(host: Node, pods: readonly Pod[], usage?: UsageLookup): TopologyNode {
  const summary = rollup(pods);
  const node = objectNode(host, "Node", nodeTopologyStatus(host));
  node.group = { by: "node", key: host.metadata.name, count: summary.count, worst: podsHealth(pods) };
  node.metrics = metricsOf(usage?.node(host.metadata.name), summary.restarts);
  return node;
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
