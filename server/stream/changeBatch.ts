import type { KubeObject } from "../kube/types";
import type { ResourceKind } from "../kube/resources";
import type { CacheChangeView } from "./cacheView";
import { serializeObject } from "./serialize";

export interface BatchEntry {
  type: CacheChangeView["type"];
  namespace: string | undefined;
  object: KubeObject;
}

/**
 * The changes of one coalescing window, keyed per kind by object: only the latest state of
 * each object is sent, so a pod that changed five times in 25 ms costs one entry.
 */
export class ChangeBatch {
  private readonly byKind = new Map<ResourceKind, Map<string, BatchEntry>>();
  private readonly jsonByEntry = new WeakMap<BatchEntry, string>();

  get isEmpty(): boolean {
    return this.byKind.size === 0;
  }

  /** Whether any change of these kinds is in the batch (topology views recompute only then). */
  touches(kinds: readonly ResourceKind[]): boolean {
    return kinds.some((kind) => this.byKind.has(kind));
  }

  add(change: CacheChangeView): void {
    let entries = this.byKind.get(change.kind);
    if (!entries) {
      entries = new Map();
      this.byKind.set(change.kind, entries);
    }
    const meta = change.object.metadata;
    const key = meta.uid ?? `${meta.namespace ?? ""}/${meta.name}`;
    const earlier = entries.get(key);
    // Added-then-modified is still news of an addition; anything ending in a delete is a delete.
    const type = earlier?.type === "ADDED" && change.type === "MODIFIED" ? "ADDED" : change.type;
    entries.delete(key);
    entries.set(key, { type, namespace: meta.namespace, object: change.object });
  }

  /** JSON of the changes of `kind`, optionally only those in `namespace`. */
  changesFor(kind: ResourceKind, namespace: string | undefined): string[] {
    const entries = this.byKind.get(kind);
    if (!entries) return [];
    const out: string[] = [];
    for (const entry of entries.values()) {
      if (namespace !== undefined && entry.namespace !== namespace) continue;
      out.push(this.entryJson(entry));
    }
    return out;
  }

  /** JSON of the changes of `kind` inside `namespaces`; for Namespace objects (`byName`), those named in it. */
  changesIn(kind: ResourceKind, namespaces: ReadonlySet<string>, byName: boolean): string[] {
    const entries = this.byKind.get(kind);
    if (!entries) return [];
    const out: string[] = [];
    for (const entry of entries.values()) {
      const where = byName ? entry.object.metadata.name : entry.namespace;
      if (where !== undefined && namespaces.has(where)) out.push(this.entryJson(entry));
    }
    return out;
  }

  private entryJson(entry: BatchEntry): string {
    let json = this.jsonByEntry.get(entry);
    if (json === undefined) {
      json = `{"type":"${entry.type}","object":${serializeObject(entry.object)}}`;
      this.jsonByEntry.set(entry, json);
    }
    return json;
  }
}
