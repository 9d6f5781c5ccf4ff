import type { KubeObject } from "./types";

/**
 * key → objects, holding a lone object directly and a Set only from the second one on:
 * most keys (a pod's own name label, a node with few pods) have one object, and a Set per key costs ~100 bytes.
 */
export class MultiIndex {
  private readonly entries = new Map<string, KubeObject | Set<KubeObject>>();

  add(key: string, object: KubeObject): void {
    const current = this.entries.get(key);
    if (current === undefined) this.entries.set(key, object);
    else if (current instanceof Set) current.add(object);
    else if (current !== object) this.entries.set(key, new Set([current, object]));
  }

  remove(key: string, object: KubeObject): void {
    const current = this.entries.get(key);
    if (current === object) {
      this.entries.delete(key);
    } else if (current instanceof Set && current.delete(object)) {
      if (current.size === 1) this.entries.set(key, current.values().next().value as KubeObject);
    }
  }

  get(key: string): readonly KubeObject[] {
    const current = this.entries.get(key);
    if (current === undefined) return [];
    return current instanceof Set ? [...current] : [current];
  }

  count(key: string): number {
    const current = this.entries.get(key);
    if (current === undefined) return 0;
    return current instanceof Set ? current.size : 1;
  }

  get keyCount(): number {
    return this.entries.size;
  }
}
