import type { KubeObject } from "./types";

/**
 * The objects of one kind, keyed namespace → name → object.
 * Two levels instead of "ns/name" keys: no key string per object, and the namespace index comes free.
 */
export class KindStore {
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  private total = 0;

  get size(): number {
    return this.total;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace ?? "")?.get(name);
  }

  /** Stores `object` in place of any object with the same namespace and name; returns the one replaced. */
  set(object: KubeObject): KubeObject | undefined {
    const namespace = object.metadata.namespace ?? "";
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    const previous = names.get(object.metadata.name);
    names.set(object.metadata.name, object);
    if (!previous) this.total++;
    return previous;
  }

  delete(namespace: string | undefined, name: string): KubeObject | undefined {
    const names = this.byNamespace.get(namespace ?? "");
    const previous = names?.get(name);
    if (!names || !previous) return undefined;
    names.delete(name);
    this.total--;
    if (names.size === 0) this.byNamespace.delete(namespace ?? "");
    return previous;
  }

  inNamespace(namespace: string): KubeObject[] {
    const names = this.byNamespace.get(namespace);
    return names ? [...names.values()] : [];
  }

  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const names of this.byNamespace.values()) for (const object of names.values()) out.push(object);
    return out;
  }

  *values(): IterableIterator<KubeObject> {
    for (const names of this.byNamespace.values()) yield* names.values();
  }
}
