import type { ResourceKind } from "../../kube/resources";
import type { KubeObject } from "../../kube/types";
import type { CacheChangeView, CacheView, KindStatusView } from "../cacheView";

/** An in-memory stand-in for ClusterCache: tests put objects and statuses in and see what the stream sends. */
export class FakeCache implements CacheView {
  private readonly objects = new Map<ResourceKind, Map<string, KubeObject>>();
  private readonly kindStatuses = new Map<ResourceKind, KindStatusView>();
  private readonly changeListeners = new Set<(changes: readonly CacheChangeView[]) => void>();
  private readonly statusListeners = new Set<(status: KindStatusView) => void>();

  constructor(readonly apiserver = "https://127.0.0.1:6443") {}

  list(kind: ResourceKind, filter?: { namespace?: string }): readonly KubeObject[] {
    const all = [...(this.objects.get(kind)?.values() ?? [])];
    return filter?.namespace === undefined ? all : all.filter((o) => o.metadata.namespace === filter.namespace);
  }

  statuses(): KindStatusView[] {
    return [...this.kindStatuses.values()];
  }

  onChange(listener: (changes: readonly CacheChangeView[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (status: KindStatusView) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Stores objects without telling listeners, as if they were there before anyone connected. */
  seed(kind: ResourceKind, objects: KubeObject[]): void {
    for (const object of objects) this.bucket(kind).set(keyOf(object), object);
  }

  /** Applies changes and tells listeners in one batch, like the cache's change feed. */
  apply(changes: CacheChangeView[]): void {
    for (const change of changes) {
      if (change.type === "DELETED") this.bucket(change.kind).delete(keyOf(change.object));
      else this.bucket(change.kind).set(keyOf(change.object), change.object);
    }
    for (const listener of this.changeListeners) listener(changes);
  }

  setStatus(status: Omit<KindStatusView, "apiserver" | "count"> & Partial<KindStatusView>): void {
    const full: KindStatusView = { apiserver: this.apiserver, count: this.list(status.kind).length, ...status };
    this.kindStatuses.set(full.kind, full);
    for (const listener of this.statusListeners) listener(full);
  }

  listenerCount(): number {
    return this.changeListeners.size + this.statusListeners.size;
  }

  private bucket(kind: ResourceKind): Map<string, KubeObject> {
    let bucket = this.objects.get(kind);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(kind, bucket);
    }
    return bucket;
  }
}

const keyOf = (object: KubeObject) => `${object.metadata.namespace ?? ""}/${object.metadata.name}`;

let counter = 0;

/** A small pod-shaped object with a fresh uid unless one is given. */
export function fakePod(name: string, namespace: string, extra: Partial<KubeObject["metadata"]> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace, uid: `uid-${namespace}-${name}-${counter++}`, ...extra }, status: { phase: "Running" } };
}
