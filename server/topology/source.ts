import type { KubeObject } from "@/lib/k8s/types";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import type { ResourceKind } from "../kube/resources";
import type { UsageLookup } from "../kube/usage/usageLookup";

// The objects a topology view is built from, already limited to what one person may list.

export const topologyKinds = [
  "pods",
  "nodes",
  "namespaces",
  "deployments",
  "replicasets",
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "services",
  "endpointslices",
  "ingresses",
] as const satisfies readonly ResourceKind[];

export type TopologyKindName = (typeof topologyKinds)[number];

/** The objects of each kind a view is built from. */
export type TopologyObjects = Record<TopologyKindName, readonly KubeObject[]>;

export type TopologySource = TopologyObjects & {
  /** CPU and memory by pod and node from metrics.k8s.io; absent when usage is not polled (map nodes then carry none). */
  usage?: UsageLookup;
};

/** A source with the given objects and nothing else, for tests and small callers. */
export function topologySource(parts: Partial<TopologySource>): TopologySource {
  const empty = Object.fromEntries(topologyKinds.map((kind) => [kind, [] as readonly KubeObject[]])) as TopologyObjects;
  return { ...empty, ...parts };
}

/** A view's whole graph: what a subscription's snapshot holds and deltas are computed between. */
export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}
