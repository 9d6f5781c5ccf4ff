import { podUsageKey, type UsageFrame, type WireUsageSample } from "@/lib/wire/usage";
import type { UsageScope } from "../access/types";
import type { UsageLookup } from "../kube/usage/usageLookup";
import { visibleUsage } from "../kube/usage/visibleUsage";
import type { CacheView } from "./cacheView";

/** What a list's usage frame is built from: the poller's latest samples and, when it can say, why there are none. */
export interface ListUsageSource {
  lookup(): UsageLookup;
  status?(): { state: "available" } | { state: "unavailable"; reason: string };
}

const sampleOf = (usage: { cpuMillicores: number; memoryBytes: number }): WireUsageSample => [usage.cpuMillicores, usage.memoryBytes];

/** The namespaces whose pods' usage the frame covers: the subscription's one, within where the person may see usage. */
function podNamespaces(scope: UsageScope, namespace: string | undefined): readonly (string | undefined)[] {
  if (namespace !== undefined) return scope.pods.all || scope.pods.namespaces.has(namespace) ? [namespace] : [];
  return scope.pods.all ? [undefined] : [...scope.pods.namespaces];
}

/**
 * One usage frame for the lists: the samples of the pods (in `namespace`, or all) and nodes in the cache that the person
 * may see under `scope`, the same rule the map obeys (visibleUsage).
 */
export function listUsageFrame(id: string, cache: CacheView, source: ListUsageSource | undefined, scope: UsageScope, request: { namespace?: string; only?: "pods" | "nodes" }): UsageFrame {
  const { namespace, only } = request;
  const visible = { pods: scope.pods.all ? (true as const) : [...scope.pods.namespaces].sort(), nodes: scope.nodes };
  if (!source) return { type: "usage", id, pods: {}, nodes: {}, visible, unavailable: "Orrery does not poll the metrics API (metrics.k8s.io) here" };
  const lookup = visibleUsage(source.lookup(), scope);
  const pods: UsageFrame["pods"] = {};
  for (const ns of only === "nodes" ? [] : podNamespaces(scope, namespace)) {
    for (const pod of cache.list("pods", ns === undefined ? undefined : { namespace: ns })) {
      const podNamespace = pod.metadata.namespace ?? "";
      const usage = lookup.pod(podNamespace, pod.metadata.name);
      if (usage) pods[podUsageKey(podNamespace, pod.metadata.name)] = sampleOf(usage);
    }
  }
  const nodes: UsageFrame["nodes"] = {};
  if (scope.nodes && only !== "pods") {
    for (const node of cache.list("nodes")) {
      const usage = lookup.node(node.metadata.name);
      if (usage) nodes[node.metadata.name] = sampleOf(usage);
    }
  }
  const status = source.status?.();
  return { type: "usage", id, pods, nodes, visible, ...(status?.state === "unavailable" ? { unavailable: status.reason } : {}) };
}
