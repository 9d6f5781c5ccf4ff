import type { KubeObject } from "@/lib/k8s/types";
import type { ResourceKind } from "../kube/resources";

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

export type TopologySource = Record<TopologyKindName, readonly KubeObject[]>;

/** A source with the given objects and nothing else, for tests and small callers. */
export function topologySource(parts: Partial<TopologySource>): TopologySource {
  const empty = Object.fromEntries(topologyKinds.map((kind) => [kind, [] as readonly KubeObject[]])) as TopologySource;
  return { ...empty, ...parts };
}
