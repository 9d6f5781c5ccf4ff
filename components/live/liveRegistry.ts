import type { StreamResourceKind } from "@/lib/wire/stream";
import { LiveCollection, type Scheduler } from "./liveCollection";
import type { StreamClient } from "./streamClient";

interface Entry {
  collection: LiveCollection;
  refs: number;
  unsubscribe?: () => void;
  lingerTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Shares one subscription per (kind, namespace) among all components of a tab, and keeps it a
 * little after the last user leaves so moving between pages does not refetch.
 */
export class LiveRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly client: StreamClient,
    private readonly lingerMs = 10_000,
    private readonly scheduler?: Scheduler,
  ) {}

  /** The collection for (kind, namespace), created without subscribing; stable for the same key. */
  peek(kind: StreamResourceKind, namespace: string | undefined): LiveCollection {
    return this.entry(kind, namespace).collection;
  }

  /** Holds the subscription open until the returned release is called. */
  acquire(kind: StreamResourceKind, namespace: string | undefined): () => void {
    const entry = this.entry(kind, namespace);
    entry.refs++;
    clearTimeout(entry.lingerTimer);
    entry.lingerTimer = undefined;
    entry.unsubscribe ??= this.client.subscribe(kind, namespace, {
      onSnapshot: (items) => entry.collection.applySnapshot(items),
      onDelta: (changes) => entry.collection.applyDelta(changes),
      onResyncing: () => entry.collection.markResyncing(),
      onError: (message) => entry.collection.refuse(message),
    });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--entry.refs > 0) return;
      entry.lingerTimer = setTimeout(() => this.drop(kind, namespace, entry), this.lingerMs);
    };
  }

  private drop(kind: StreamResourceKind, namespace: string | undefined, entry: Entry): void {
    if (entry.refs > 0) return;
    entry.unsubscribe?.();
    this.entries.delete(keyOf(kind, namespace));
  }

  private entry(kind: StreamResourceKind, namespace: string | undefined): Entry {
    const key = keyOf(kind, namespace);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { collection: new LiveCollection(this.scheduler), refs: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }
}

const keyOf = (kind: StreamResourceKind, namespace: string | undefined) => `${kind}|${namespace ?? ""}`;
