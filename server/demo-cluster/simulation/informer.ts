import type { KubeObject, WatchEventType } from "@/server/kube/types";
import type { ObjectStore, StoreEvent } from "../store";
import { keyOf } from "./objects/meta";

export type ChangeHandler = (type: WatchEventType, object: KubeObject, previous: KubeObject | undefined) => void;

/** Returns the index values an object is filed under (e.g. its owner's uid). */
export type IndexFunction = (object: KubeObject) => readonly string[];

/**
 * A controller's view of one resource, like client-go's shared informer: filled by one list,
 * kept current by a store watch, with secondary indexes. Holds the store's own objects (never mutate them).
 */
export class Informer {
  private readonly items = new Map<string, KubeObject>();
  private readonly indexers = new Map<string, { fn: IndexFunction; byValue: Map<string, Set<string>> }>();
  private readonly handlers: ChangeHandler[] = [];
  private readonly unwatch: () => void;

  constructor(store: ObjectStore, readonly resource: string, indexes: Record<string, IndexFunction> = {}) {
    for (const [name, fn] of Object.entries(indexes)) this.indexers.set(name, { fn, byValue: new Map() });
    for (const object of store.list(resource)) this.put(object);
    this.unwatch = store.watch(resource, store.resourceVersion, (event) => this.apply(event));
  }

  onChange(handler: ChangeHandler): void {
    this.handlers.push(handler);
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.items.get(`${namespace ?? ""}/${name}`);
  }

  getByKey(key: string): KubeObject | undefined {
    return this.items.get(key);
  }

  values(): IterableIterator<KubeObject> {
    return this.items.values();
  }

  keys(): IterableIterator<string> {
    return this.items.keys();
  }

  get size(): number {
    return this.items.size;
  }

  /** Objects filed under `value` in the named index. */
  byIndex(index: string, value: string): KubeObject[] {
    const keys = this.indexers.get(index)?.byValue.get(value);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const key of keys) {
      const object = this.items.get(key);
      if (object) out.push(object);
    }
    return out;
  }

  countByIndex(index: string, value: string): number {
    return this.indexers.get(index)?.byValue.get(value)?.size ?? 0;
  }

  stop(): void {
    this.unwatch();
  }

  private apply(event: StoreEvent): void {
    const key = keyOf(event.object);
    const previous = this.items.get(key);
    if (previous) this.unindex(key, previous);
    if (event.type === "DELETED") this.items.delete(key);
    else this.put(event.object);
    for (const handler of this.handlers) handler(event.type, event.object, previous);
  }

  private put(object: KubeObject): void {
    const key = keyOf(object);
    this.items.set(key, object);
    for (const { fn, byValue } of this.indexers.values()) {
      for (const value of fn(object)) {
        let keys = byValue.get(value);
        if (!keys) byValue.set(value, (keys = new Set()));
        keys.add(key);
      }
    }
  }

  private unindex(key: string, object: KubeObject): void {
    for (const { fn, byValue } of this.indexers.values()) {
      for (const value of fn(object)) {
        const keys = byValue.get(value);
        keys?.delete(key);
        if (keys?.size === 0) byValue.delete(value);
      }
    }
  }
}

/** Index functions shared by several controllers. */
export const byControllerUid: IndexFunction = (o) => {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref ? [ref.uid] : [];
};
export const byNamespace: IndexFunction = (o) => [o.metadata.namespace ?? ""];
export const byUid: IndexFunction = (o) => (o.metadata.uid ? [o.metadata.uid] : []);
export const byNodeName: IndexFunction = (o) => {
  const nodeName = (o.spec as { nodeName?: string } | undefined)?.nodeName;
  return nodeName ? [nodeName] : [];
};
