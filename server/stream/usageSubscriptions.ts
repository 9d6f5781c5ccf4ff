import type { UsageSubscribe } from "@/lib/wire/usage";
import type { CacheView } from "./cacheView";
import { listUsageFrame, type ListUsageSource } from "./listUsageFrame";
import { usageRightsChanged, type ConnectionScopes } from "./streamAccess";
import { log } from "../log";

/** What the usage subscriptions of one connection need from it. */
export interface UsageConnection {
  cache: CacheView;
  scopes: ConnectionScopes;
  /** The poller the map reads too; without it every frame says usage is unavailable. */
  usage?: ListUsageSource;
  personName?: string;
  send(text: string): void;
  sendError(id: string, message: string): void;
  isBehind(): boolean;
  isClosed(): boolean;
}

// A frame owed to a lagging client is tried again after this long; the next poll would replace it anyway.
const retryMs = 500;

/** The lists' CPU and memory subscriptions of one stream connection: a whole frame on subscribe and after each change. */
export class UsageSubscriptions {
  private readonly requests = new Map<string, UsageSubscribe>();
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: UsageConnection) {}

  get size(): number {
    return this.requests.size;
  }

  has(id: string): boolean {
    return this.requests.has(id);
  }

  /** Usage is never refused: a person without metrics rights gets frames that say where they may see it (nowhere). */
  subscribe(message: UsageSubscribe): void {
    const { connection } = this;
    this.requests.set(message.id, message);
    connection.scopes.resolveUsage().then(
      () => {
        if (!connection.isClosed() && this.requests.get(message.id) === message) this.sendFrame(message);
      },
      (err: unknown) => {
        log.warn({ err, person: connection.personName }, "could not check usage rights; refusing the subscription");
        if (this.requests.get(message.id) !== message) return;
        this.requests.delete(message.id);
        connection.sendError(message.id, "could not check whether you may see CPU and memory (metrics.k8s.io); try again");
      },
    );
  }

  /** False when there is no usage subscription with this id. */
  unsubscribe(id: string): boolean {
    return this.requests.delete(id);
  }

  /** New samples, or (with `kinds`) the person's rights changed: every subscription gets a fresh frame. */
  changed(kinds?: ReadonlySet<string>): void {
    if (kinds !== undefined && !kinds.has(usageRightsChanged)) return;
    if (this.requests.size === 0 || this.connection.isClosed() || this.connection.scopes.peekUsage() === undefined) return;
    if (this.connection.isBehind()) return this.retryLater();
    for (const request of this.requests.values()) this.sendFrame(request);
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.requests.clear();
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.changed();
    }, retryMs);
    this.retryTimer.unref();
  }

  private sendFrame(request: UsageSubscribe): void {
    const scope = this.connection.scopes.peekUsage();
    if (!scope) return;
    const frame = listUsageFrame(request.id, this.connection.cache, this.connection.usage, scope, request);
    this.connection.send(JSON.stringify(frame));
  }
}
