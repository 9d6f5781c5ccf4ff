import { randomUUID } from "node:crypto";
import type { KubeObject, WatchEventType } from "../kube/types";

/** A resource's key in the store: "pods", "apps/deployments" (group/plural; core has no group). */
export type ResourceKey = string;

export interface StoreEvent {
  type: WatchEventType;
  resource: ResourceKey;
  /** The global resourceVersion this change produced. */
  rv: number;
  object: KubeObject;
  /** For MODIFIED: the object before the change, so watchers can tell when it starts or stops matching a selector. */
  previous?: KubeObject;
}

export type StoreErrorReason = "NotFound" | "AlreadyExists" | "Conflict" | "Expired" | "Invalid";

const statusCodes: Record<StoreErrorReason, number> = { NotFound: 404, AlreadyExists: 409, Conflict: 409, Expired: 410, Invalid: 422 };

/** A failure that maps one-to-one onto a metav1.Status. */
export class StoreError extends Error {
  readonly code: number;
  constructor(readonly reason: StoreErrorReason, message: string) {
    super(message);
    this.code = statusCodes[reason];
  }
}

interface ResourceHistory {
  /** Changes at or below this resourceVersion are no longer kept: watching from before it is 410. */
  compactedRV: number;
  events: StoreEvent[];
}

export type WatchListener = (event: StoreEvent) => void;

const objectKey = (namespace: string | undefined, name: string) => `${namespace ?? ""}/${name}`;

/**
 * The demo cluster's etcd: objects per resource, one global resourceVersion,
 * a bounded change history per resource for watches, and compaction that makes old versions 410.
 */
export class ObjectStore {
  private rv = 1;
  private readonly objects = new Map<ResourceKey, Map<string, KubeObject>>();
  private readonly history = new Map<ResourceKey, ResourceHistory>();
  private readonly listeners = new Map<ResourceKey, Set<WatchListener>>();
  /** The resourceVersion that created each live object, carried across updates; weak so deleted objects go. */
  private readonly createdAt = new WeakMap<KubeObject, number>();

  constructor(private readonly historyLimit = 20_000) {}

  get resourceVersion(): number {
    return this.rv;
  }

  list(resource: ResourceKey, namespace?: string): KubeObject[] {
    const all = this.objects.get(resource);
    if (!all) return [];
    const items = [...all.values()];
    return namespace === undefined ? items : items.filter((o) => o.metadata.namespace === namespace);
  }

  get(resource: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(objectKey(namespace, name));
  }

  mustGet(resource: ResourceKey, namespace: string | undefined, name: string): KubeObject {
    const found = this.get(resource, namespace, name);
    if (!found) throw new StoreError("NotFound", `${resource.split("/").pop()} "${name}" not found`);
    return found;
  }

  create(resource: ResourceKey, input: KubeObject): KubeObject {
    const meta = { ...input.metadata };
    if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix();
    if (!meta.name) throw new StoreError("Invalid", "metadata.name: Required value: name or generateName is required");
    const bucket = this.bucket(resource);
    const key = objectKey(meta.namespace, meta.name);
    if (bucket.has(key)) throw new StoreError("AlreadyExists", `${resource.split("/").pop()} "${meta.name}" already exists`);
    const rv = this.nextRV();
    const object: KubeObject = {
      ...structuredClone(input),
      metadata: {
        ...structuredClone(meta),
        uid: randomUUID(),
        resourceVersion: String(rv),
        creationTimestamp: meta.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, "Z"),
        generation: 1,
      },
    };
    bucket.set(key, object);
    this.createdAt.set(object, rv);
    this.record({ type: "ADDED", resource, rv, object });
    return object;
  }

  /** Replaces an object; with `expectRV` it fails with Conflict when the object moved on. */
  update(resource: ResourceKey, next: KubeObject, expectRV?: string): KubeObject {
    const current = this.mustGet(resource, next.metadata.namespace, next.metadata.name);
    if (expectRV !== undefined && expectRV !== current.metadata.resourceVersion) {
      throw new StoreError("Conflict", `Operation cannot be fulfilled on ${resource.split("/").pop()} "${next.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const rv = this.nextRV();
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec);
    const object: KubeObject = {
      ...structuredClone(next),
      metadata: {
        ...structuredClone(next.metadata),
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        resourceVersion: String(rv),
        generation: (current.metadata.generation ?? 1) + (specChanged ? 1 : 0),
      },
    };
    this.bucket(resource).set(objectKey(object.metadata.namespace, object.metadata.name), object);
    this.createdAt.set(object, this.createdRV(current));
    this.record({ type: "MODIFIED", resource, rv, object, previous: current });
    return object;
  }

  /** Read-modify-write for controllers: `change` edits a copy; nothing is written if it returns false. */
  mutate(resource: ResourceKey, namespace: string | undefined, name: string, change: (draft: KubeObject) => void | false): KubeObject {
    const draft = structuredClone(this.mustGet(resource, namespace, name));
    if (change(draft) === false) return this.mustGet(resource, namespace, name);
    return this.update(resource, draft);
  }

  delete(resource: ResourceKey, namespace: string | undefined, name: string): KubeObject {
    const current = this.mustGet(resource, namespace, name);
    this.bucket(resource).delete(objectKey(namespace, name));
    const rv = this.nextRV();
    const object = { ...current, metadata: { ...current.metadata, resourceVersion: String(rv) } };
    this.record({ type: "DELETED", resource, rv, object });
    return object;
  }

  /**
   * Streams changes after `sinceRV` (exclusive), then live ones, in order.
   * Throws Expired when the history no longer reaches back that far.
   */
  watch(resource: ResourceKey, sinceRV: number, listener: WatchListener): () => void {
    const history = this.historyOf(resource);
    if (sinceRV < history.compactedRV) {
      throw new StoreError("Expired", `too old resource version: ${sinceRV} (${history.compactedRV})`);
    }
    for (const event of history.events) if (event.rv > sinceRV) listener(event);
    const set = this.listeners.get(resource) ?? new Set();
    this.listeners.set(resource, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Forgets every change up to the current version, as etcd compaction does. */
  compact(upToRV = this.rv): void {
    for (const [, history] of this.history) {
      history.events = history.events.filter((e) => e.rv > upToRV);
      history.compactedRV = Math.max(history.compactedRV, upToRV);
    }
    this.compactedAll = Math.max(this.compactedAll, upToRV);
  }

  /** The resourceVersion at which a stored object was created, so a paged list can leave out what its snapshot did not hold. */
  createdRV(object: KubeObject): number {
    return this.createdAt.get(object) ?? Number(object.metadata.resourceVersion ?? 0);
  }

  /** How many watchers a resource has, to prove that closed watches let go. */
  listenerCount(resource: ResourceKey): number {
    return this.listeners.get(resource)?.size ?? 0;
  }

  /** The oldest resourceVersion a watch or continue token of this resource may still start from. */
  compactedRV(resource: ResourceKey): number {
    return this.history.get(resource)?.compactedRV ?? this.compactedAll;
  }

  /** Resources that have ever held an object, for discovery-independent iteration. */
  resources(): ResourceKey[] {
    return [...this.objects.keys()];
  }

  private compactedAll = 0;

  private historyOf(resource: ResourceKey): ResourceHistory {
    let history = this.history.get(resource);
    if (!history) {
      history = { compactedRV: this.compactedAll, events: [] };
      this.history.set(resource, history);
    }
    return history;
  }

  private bucket(resource: ResourceKey): Map<string, KubeObject> {
    let bucket = this.objects.get(resource);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(resource, bucket);
    }
    return bucket;
  }

  private nextRV(): number {
    return ++this.rv;
  }

  private record(event: StoreEvent): void {
    const history = this.historyOf(event.resource);
    history.events.push(event);
    // Trim in batches once a quarter over the limit: one splice per event is quadratic at 100k pods.
    if (history.events.length > this.historyLimit * 1.25) {
      const dropped = history.events.splice(0, history.events.length - this.historyLimit);
      history.compactedRV = dropped[dropped.length - 1]!.rv;
    }
    for (const listener of this.listeners.get(event.resource) ?? []) listener(event);
  }
}

function randomSuffix(): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  let out = "";
  for (let i = 0; i < 5; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}
