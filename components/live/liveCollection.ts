import type { KubeObject } from "@/lib/k8s/types";
import type { WireChange } from "@/lib/wire/stream";

export interface LiveSnapshot {
  /** The current objects, a new array after every change. */
  items: readonly KubeObject[];
  /** False until the first snapshot arrived. */
  loaded: boolean;
  /** True between a resync notice (or a reconnect) and the fresh snapshot. */
  resyncing: boolean;
  /** Why the server refused this subscription (a stream `error` frame, e.g. RBAC), worded for a person; no items then. */
  refused?: string;
}

export type Scheduler = (publish: () => void) => void;

// Deltas can arrive many times a second; React sees at most one new snapshot per frame.
const frameScheduler: Scheduler = (publish) => {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(publish);
  else setTimeout(publish, 16);
};

export const objectKey = (object: KubeObject) => object.metadata.uid ?? `${object.metadata.namespace ?? ""}/${object.metadata.name}`;

/** The objects of one subscription in the browser: a snapshot replaces them, deltas patch them by uid. */
export class LiveCollection {
  private byKey = new Map<string, KubeObject>();
  private snapshot: LiveSnapshot = { items: [], loaded: false, resyncing: false };
  private readonly listeners = new Set<() => void>();
  private publishPending = false;

  constructor(private readonly schedule: Scheduler = frameScheduler) {}

  applySnapshot(items: readonly KubeObject[]): void {
    this.byKey = new Map(items.map((item) => [objectKey(item), item]));
    this.update({ loaded: true, resyncing: false, refused: undefined });
  }

  /** The server refused the subscription: nothing is shown, and the list says why instead of loading forever. */
  refuse(message: string): void {
    this.byKey = new Map();
    this.update({ loaded: true, resyncing: false, refused: message });
  }

  applyDelta(changes: readonly WireChange[]): void {
    for (const change of changes) {
      const key = objectKey(change.object);
      if (change.type === "DELETED") this.byKey.delete(key);
      else this.byKey.set(key, change.object);
    }
    this.update({});
  }

  /** The data is about to be replaced: keep showing it, marked as not current. */
  markResyncing(): void {
    if (!this.snapshot.resyncing) this.update({ resyncing: true });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  private update(flags: Partial<Omit<LiveSnapshot, "items">>): void {
    this.snapshot = { ...this.snapshot, ...flags };
    if (this.publishPending) return;
    this.publishPending = true;
    this.schedule(() => {
      this.publishPending = false;
      this.snapshot = { ...this.snapshot, items: [...this.byKey.values()] };
      this.listeners.forEach((listener) => listener());
    });
  }
}
