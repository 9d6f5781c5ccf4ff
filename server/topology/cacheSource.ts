import type { KubeObject } from "@/lib/k8s/types";
import type { ResourceKind } from "../kube/resources";
import type { UsageLookup } from "../kube/usage/usageLookup";
import type { CacheView } from "../stream/cacheView";
import { snapshotItems } from "../stream/scopedSelection";
import type { ListScope } from "../stream/streamAccess";
import { topologyKinds, type TopologyObjects, type TopologySource } from "./source";

const nowhere: ListScope = { all: false, namespaces: new Set() };

/** Objects of one kind the person may list, in `namespaces` when given (Namespace objects by name; hosts are never filtered by namespace). */
function allowedItems(cache: CacheView, kind: ResourceKind, scope: ListScope, namespaces: readonly string[] | undefined): readonly KubeObject[] {
  if (!namespaces || namespaces.length === 0 || kind === "nodes") return snapshotItems(cache, kind, undefined, scope);
  const allowed = namespaces.filter((ns) => scope.all || scope.namespaces.has(ns));
  if (kind === "namespaces") {
    const wanted = new Set(allowed);
    return cache.list(kind).filter((ns) => wanted.has(ns.metadata.name));
  }
  return allowed.flatMap((ns) => cache.list(kind, { namespace: ns }));
}

/**
 * What one person's topology is built from: each kind within their list scope (unknown scope: nothing), and the usage
 * samples, which are only ever read for the pods and hosts in it.
 */
export function sourceFromCache(cache: CacheView, scopeOf: (kind: ResourceKind) => ListScope | undefined, namespaces?: readonly string[], usage?: UsageLookup): TopologySource {
  const entries = topologyKinds.map((kind) => [kind, allowedItems(cache, kind, scopeOf(kind) ?? nowhere, namespaces)] as const);
  const source: TopologySource = Object.fromEntries(entries) as TopologyObjects;
  if (usage) source.usage = usage;
  return source;
}
