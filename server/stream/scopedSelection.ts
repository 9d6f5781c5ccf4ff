import type { KubeObject } from "../kube/types";
import type { ResourceKind } from "../kube/resources";
import type { CacheView } from "./cacheView";
import type { ChangeBatch } from "./changeBatch";
import type { ListScope } from "./streamAccess";

// What one subscription receives, given where its person may list the kind.

/** The objects of a snapshot: the whole kind (or one namespace) when allowed, else only the allowed namespaces. */
export function snapshotItems(cache: CacheView, kind: ResourceKind, namespace: string | undefined, scope: ListScope): readonly KubeObject[] {
  if (scope.all || namespace !== undefined) return cache.list(kind, namespace === undefined ? undefined : { namespace });
  if (kind === "namespaces") return cache.list(kind).filter((ns) => scope.namespaces.has(ns.metadata.name));
  return [...scope.namespaces].flatMap((ns) => cache.list(kind, { namespace: ns }));
}

/** The delta entries of one coalescing window; a person with cluster-wide list takes the same path as before filtering existed. */
export function deltaChanges(batch: ChangeBatch, kind: ResourceKind, namespace: string | undefined, scope: ListScope): string[] {
  if (scope.all || namespace !== undefined) return batch.changesFor(kind, namespace);
  return batch.changesIn(kind, scope.namespaces, kind === "namespaces");
}
