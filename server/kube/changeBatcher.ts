import { log } from "@/server/log";

export type BatchListener<T> = (batch: readonly T[]) => void;

/**
 * Collects changes and hands them to listeners in one batch per turn of the event loop.
 * A listener only ever receives changes made after it subscribed, so snapshot-then-listen never duplicates.
 */
export class ChangeBatcher<T> {
  private pending: T[] = [];
  /** Listener → index in `pending` from which its changes start. */
  private readonly listeners = new Map<BatchListener<T>, number>();
  private scheduled = false;

  push(change: T): void {
    // Nobody listening now means nobody may ever receive it: later subscribers start after it.
    if (this.listeners.size === 0) return;
    this.pending.push(change);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  subscribe(listener: BatchListener<T>): () => void {
    this.listeners.set(listener, this.pending.length);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Delivers what is pending now; also runs on its own one turn after a change. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    for (const [listener, start] of [...this.listeners]) {
      if (!this.listeners.has(listener)) continue;
      this.listeners.set(listener, 0);
      const own = start === 0 ? batch : batch.slice(start);
      if (own.length === 0) continue;
      try {
        listener(own);
      } catch (error) {
        log.error({ err: error }, "cache change listener threw; other listeners still get the batch");
      }
    }
  }
}
