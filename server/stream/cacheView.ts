import type { ClusterCache } from "../kube/cache";
import type { ResourceKind } from "../kube/resources";
import type { KubeObject } from "../kube/types";
import type { StreamResourceKind, WireKindStatus } from "@/lib/wire/stream";

// What the stream needs from the shared informer cache (server/kube/cache.ts); ClusterCache satisfies it.

export type SyncState = "syncing" | "live" | "stale" | "error";

export interface KindStatusView {
  kind: ResourceKind;
  state: SyncState;
  reason?: string;
  apiserver: string;
  resourceVersion?: string;
  syncedAt?: string;
  count: number;
}

export interface CacheChangeView {
  type: "ADDED" | "MODIFIED" | "DELETED";
  kind: ResourceKind;
  object: KubeObject;
}

export interface CacheView {
  list(kind: ResourceKind, filter?: { namespace?: string }): readonly KubeObject[];
  statuses(): KindStatusView[];
  onChange(listener: (changes: readonly CacheChangeView[]) => void): () => void;
  onStatus(listener: (status: KindStatusView) => void): () => void;
}

// The browser's kind list and the cache's must stay the same list; this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const kindListsMatch: Same<ResourceKind, StreamResourceKind> = true;
export const statusShapesMatch: Same<KindStatusView, WireKindStatus> = true;
export const clusterCacheFits: ClusterCache extends CacheView ? true : false = true;
