import type { CacheChangeView, CacheView, KindStatusView } from "./cacheView";
import { ChangeBatch } from "./changeBatch";
import type { StreamConnection } from "./streamConnection";

// A status is re-sent only when what a person would see changes, not on every resourceVersion.
const statusSignature = (s: KindStatusView) => `${s.state}\u0000${s.reason ?? ""}\u0000${s.apiserver}`;

/**
 * Fans the cache's change feed out to every connection: changes are coalesced for `coalesceMs`
 * (0: until the next tick), then each connection takes what its subscriptions want.
 */
export class StreamHub {
  readonly connections = new Set<StreamConnection>();
  private batch = new ChangeBatch();
  private cancelFlush: (() => void) | undefined;
  private statusChanged = false;
  private readonly lastStatus: Map<string, string>;
  private readonly unsubscribe: (() => void)[];
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    private readonly cache: CacheView,
    private readonly coalesceMs: number,
    pingIntervalMs: number,
  ) {
    this.lastStatus = new Map(cache.statuses().map((s) => [s.kind, statusSignature(s)]));
    this.unsubscribe = [cache.onChange((changes) => this.takeChanges(changes)), cache.onStatus((status) => this.takeStatus(status))];
    this.pingTimer = setInterval(() => this.connections.forEach((c) => c.ping()), pingIntervalMs);
    this.pingTimer.unref();
  }

  add(connection: StreamConnection): void {
    this.connections.add(connection);
    connection.sendStatus(this.cache.statuses());
  }

  remove(connection: StreamConnection): void {
    this.connections.delete(connection);
  }

  stop(): void {
    this.unsubscribe.forEach((stop) => stop());
    clearInterval(this.pingTimer);
    this.cancelFlush?.();
    this.cancelFlush = undefined;
  }

  private takeChanges(changes: readonly CacheChangeView[]): void {
    if (this.connections.size === 0) return;
    for (const change of changes) this.batch.add(change);
    this.scheduleFlush();
  }

  private takeStatus(status: KindStatusView): void {
    const signature = statusSignature(status);
    if (this.lastStatus.get(status.kind) === signature) return;
    this.lastStatus.set(status.kind, signature);
    this.statusChanged = true;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.cancelFlush) return;
    if (this.coalesceMs > 0) {
      const timeout = setTimeout(() => this.flush(), this.coalesceMs);
      this.cancelFlush = () => clearTimeout(timeout);
    } else {
      const immediate = setImmediate(() => this.flush());
      this.cancelFlush = () => clearImmediate(immediate);
    }
  }

  private flush(): void {
    this.cancelFlush = undefined;
    const ready = this.batch;
    this.batch = new ChangeBatch();
    const statuses = this.statusChanged ? this.cache.statuses() : undefined;
    this.statusChanged = false;
    for (const connection of this.connections) {
      if (statuses) connection.sendStatus(statuses);
      if (!ready.isEmpty) connection.deliver(ready);
    }
  }
}
