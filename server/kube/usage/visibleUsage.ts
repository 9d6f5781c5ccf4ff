import type { UsageScope } from "@/server/access/types";
import type { ResourceUsage, UsageLookup } from "./usageLookup";

/**
 * The samples one person may see (polled with Orrery's identity, so filtered here): a pod's only in namespaces
 * where they may list pods.metrics.k8s.io, a node's only when they may list nodes.metrics.k8s.io.
 */
export function visibleUsage(lookup: UsageLookup, scope: UsageScope): UsageLookup {
  const { pods, nodes } = scope;
  if (pods.all && nodes) return lookup;
  return {
    pod: (namespace: string, name: string): ResourceUsage | undefined => (pods.all || pods.namespaces.has(namespace) ? lookup.pod(namespace, name) : undefined),
    node: (name: string): ResourceUsage | undefined => (nodes ? lookup.node(name) : undefined),
  };
}
