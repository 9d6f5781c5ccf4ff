import { resourceForKind, type ObjectRef } from "@/lib/k8s/objectRef";
import { clusterScopedKinds } from "@/lib/wire/stream";
import type { TopologyNode } from "@/lib/wire/topology";

/** The Kubernetes object a map node stands for; undefined for groups, containers and "Unmanaged". */
export function objectRefOf(node: TopologyNode): ObjectRef | undefined {
  const resource = resourceForKind(node.kind);
  if (!resource) return undefined;
  if (clusterScopedKinds.has(resource)) return { resource, name: node.name };
  return node.namespace ? { resource, namespace: node.namespace, name: node.name } : undefined;
}
