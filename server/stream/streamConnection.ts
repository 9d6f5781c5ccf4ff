import type { WebSocket } from "ws";
import type { TopologySubscribe } from "@/lib/wire/topology";
import type { UsageSubscribe } from "@/lib/wire/usage";
import { clusterScopedKinds, StreamCloseCode, type ResourceSubscribe, type ServerMessage } from "@/lib/wire/stream";
import { parseClientMessage } from "@/lib/wire/parseClientMessage";
import type { Person } from "../auth/person";
import type { CacheView, KindStatusView } from "./cacheView";
import type { ChangeBatch } from "./changeBatch";
import { deltaChanges, snapshotItems } from "./scopedSelection";
import { deltaMessage, snapshotMessage } from "./serialize";
import { ConnectionScopes, denialOf, type ListScope } from "./streamAccess";
import { log } from "../log";
import { topologyKinds } from "../topology/source";
import { defaultTopologyOptions, type TopologyOptions } from "../topology/topologyFeed";
import { TopologySubscriptions } from "./topologySubscriptions";
import { UsageSubscriptions } from "./usageSubscriptions";

export interface BufferLimits {
  /** Above this many buffered bytes deltas are dropped and the client is resynced once it drains. */
  maxBufferedBytes: number;
  /** Staying above this many bytes for `slowClientTimeoutMs` closes the connection. */
  hardBufferedBytes: number;
  slowClientTimeoutMs: number;
  /** How often a lagging client's buffer is checked. */
  drainCheckMs: number;
  maxSubscriptions: number;
}

interface Subscription {
  id: string;
  resource: ResourceSubscribe["resource"];
  /** Undefined for all namespaces and for cluster-scoped kinds. */
  namespace: string | undefined;
  /** Set when deltas were dropped: a resync and a fresh snapshot are owed; "access" while the person's access is being checked. */
  owed: "none" | "snapshot" | "resync" | "access";
  /** Where the person may list the kind; undefined until known. */
  scope: ListScope | undefined;
}

/** Who a connection serves and how often their access is asked again. */
export interface ConnectionIdentity {
  /** Absent when no login is configured (tests, benchmarks): everything is sent. */
  person?: Person;
  scopes: ConnectionScopes;
  /** How often access is asked again (Access answers from its cache until entries expire). */
  refreshMs: number;
}

const unrestricted: ConnectionIdentity = { scopes: new ConnectionScopes(undefined), refreshMs: 0 };
// setTimeout holds at most 2^31-1 ms; a later expiry is checked again when that fires.
const maxTimerMs = 2 ** 31 - 1;

/** One browser tab: its subscriptions, and the flow control between the cache and its socket. */
export class StreamConnection {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly topologies: TopologySubscriptions;
  private readonly usage: UsageSubscriptions;
  private drainTimer: NodeJS.Timeout | undefined;
  private overHardLimitSince: number | undefined;
  private lagBytes = 0;
  /** Bytes of snapshots still expected in the socket buffer: a big snapshot alone is not falling behind. */
  private snapshotBytes = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private refreshing = false;
  alive = true;
  closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly cache: CacheView,
    private readonly limits: BufferLimits,
    private readonly onClosed: (connection: StreamConnection) => void,
    private readonly identity: ConnectionIdentity = unrestricted,
    topologyOptions: TopologyOptions = defaultTopologyOptions,
  ) {
    this.topologies = new TopologySubscriptions(
      {
        cache,
        scopes: identity.scopes,
        personName: identity.person?.name,
        sendFrame: (text, isSnapshot) => {
          if (isSnapshot) this.snapshotBytes += text.length;
          this.sendRaw(text);
          this.watchBuffer();
        },
        sendError: (id, message) => this.send({ type: "error", id, message }),
        isBehind: () => this.ws.bufferedAmount > this.lagLimit(),
        isClosed: () => this.closed,
      },
      topologyOptions,
    );
    this.usage = new UsageSubscriptions({ cache, scopes: identity.scopes, usage: topologyOptions.usage, personName: identity.person?.name, send: (text) => (this.sendRaw(text), this.watchBuffer()), sendError: (id, message) => this.send({ type: "error", id, message }), isBehind: () => this.ws.bufferedAmount > this.lagLimit(), isClosed: () => this.closed });
    ws.on("message", (data, isBinary) => this.handleFrame(isBinary ? null : data.toString()));
    ws.on("pong", () => (this.alive = true));
    ws.on("close", () => this.dispose());
    ws.on("error", (err) => log.debug({ err }, "stream socket error"));
    if (identity.scopes.restricted && identity.refreshMs > 0) {
      this.refreshTimer = setInterval(() => void this.refreshAccess(), identity.refreshMs);
      this.refreshTimer.unref();
    }
    this.scheduleExpiry();
  }

  /** The person this connection serves, for closing it when their login ends. */
  get person(): Person | undefined {
    return this.identity.person;
  }

  sendStatus(kinds: readonly KindStatusView[]): void {
    this.send({ type: "status", kinds: [...kinds] });
  }

  /** Sends this window's deltas, or drops them and owes a resync when the client is behind. */
  deliver(batch: ChangeBatch): void {
    if (this.closed) return;
    // Topology feeds coalesce on their own timer and wait out a full buffer, so they are only told.
    if (batch.touches(topologyKinds)) this.topologies.changed();
    if (this.subscriptions.size === 0) return;
    if (this.ws.bufferedAmount > this.lagLimit()) return this.fallBehind();
    for (const sub of this.subscriptions.values()) {
      if (sub.owed !== "none") continue;
      const changes = deltaChanges(batch, sub.resource, sub.namespace, sub.scope!);
      if (changes.length > 0) this.sendRaw(deltaMessage(sub.id, changes));
    }
    this.watchBuffer();
  }

  /** New CPU and memory samples: every topology view is owed a frame (its delta carries the nodes whose usage moved). */
  usageChanged(): void {
    if (!this.closed) this.topologies.changed();
    this.usage.changed();
  }

  /** Keepalive: a client that did not answer the last ping is gone. */
  ping(): void {
    if (!this.alive) {
      log.info("stream client did not answer a ping; closing it");
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.dispose();
    this.ws.close(code, reason);
  }

  private handleFrame(text: string | null): void {
    this.alive = true;
    if (text === null) return this.send({ type: "error", message: "binary frames are not understood; send JSON text frames" });
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return this.send({ type: "error", id: parsed.id, message: parsed.error });
    const message = parsed.message;
    if (message.type === "ping") return this.send({ type: "pong" });
    if (message.type === "unsubscribe") return this.unsubscribe(message.id);
    if (message.resource === "topology") return this.subscribeTopology(message);
    if (message.resource === "usage") return this.subscribeUsage(message);
    this.subscribe(message);
  }

  /** Why a new subscription cannot be taken; undefined when it can. */
  private subscriptionRefusal(id: string): string | undefined {
    if (this.subscriptions.has(id) || this.topologies.has(id) || this.usage.has(id)) return `subscription id "${id}" is already in use; unsubscribe it first or pick another id`;
    if (this.subscriptions.size + this.topologies.size + this.usage.size >= this.limits.maxSubscriptions) return `too many subscriptions (${this.limits.maxSubscriptions}); unsubscribe some first`;
    return undefined;
  }

  private subscribeTopology(message: TopologySubscribe): void {
    const refusal = this.subscriptionRefusal(message.id);
    if (refusal) return this.send({ type: "error", id: message.id, message: refusal });
    this.topologies.subscribe(message);
  }

  private subscribeUsage(message: UsageSubscribe): void {
    const refusal = this.subscriptionRefusal(message.id);
    if (refusal) return this.send({ type: "error", id: message.id, message: refusal });
    this.usage.subscribe(message);
  }

  private subscribe(message: ResourceSubscribe): void {
    const refusal = this.subscriptionRefusal(message.id);
    if (refusal) return this.send({ type: "error", id: message.id, message: refusal });
    const namespace = clusterScopedKinds.has(message.resource) ? undefined : message.namespace;
    const sub: Subscription = { id: message.id, resource: message.resource, namespace, owed: "access", scope: undefined };
    this.subscriptions.set(sub.id, sub);
    const known = this.identity.scopes.peek(sub.resource);
    if (known) return this.grant(sub, known);
    this.identity.scopes.resolve(sub.resource).then(
      (scope) => this.grant(sub, scope),
      (err: unknown) => {
        log.warn({ err, person: this.person?.name, kind: sub.resource }, "could not check stream access; refusing the subscription");
        this.refuse(sub, `could not check whether you may list ${sub.resource}; try again`);
      },
    );
  }

  /** Serves a subscription within `scope`, or refuses it when the person may not list what it asks for. */
  private grant(sub: Subscription, scope: ListScope): void {
    if (this.closed || this.subscriptions.get(sub.id) !== sub) return;
    const denial = denialOf(sub.resource, sub.namespace, !clusterScopedKinds.has(sub.resource), scope);
    if (denial) return this.refuse(sub, denial);
    sub.scope = scope;
    // A client that is already behind gets its snapshot when it has drained.
    if (this.ws.bufferedAmount > this.lagLimit()) {
      sub.owed = "snapshot";
      this.watchBuffer();
    } else this.sendSnapshot(sub);
  }

  private refuse(sub: Subscription, message: string): void {
    if (this.subscriptions.get(sub.id) !== sub) return;
    this.subscriptions.delete(sub.id);
    this.send({ type: "error", id: sub.id, message });
  }

  /** Asks the person's access again; subscriptions whose scope changed get a resync and a fresh snapshot, or an error. */
  private async refreshAccess(): Promise<void> {
    if (this.refreshing || this.closed) return;
    this.refreshing = true;
    try {
      const kinds = [...this.subscriptions.values()].filter((s) => s.scope).map((s) => s.resource);
      if (this.topologies.size > 0) kinds.push(...topologyKinds);
      const changed = new Set(await this.identity.scopes.refresh(kinds));
      for (const sub of [...this.subscriptions.values()]) if (sub.scope && changed.has(sub.resource)) this.rescope(sub);
      // A topology view rebuilt under the new scope sends what appeared and disappeared as a delta.
      this.topologies.changed(changed);
      this.usage.changed(changed);
    } catch (err) {
      log.warn({ err, person: this.person?.name }, "could not refresh stream access; keeping the last answer");
    } finally {
      this.refreshing = false;
    }
  }

  private rescope(sub: Subscription): void {
    const scope = this.identity.scopes.peek(sub.resource)!;
    const denial = denialOf(sub.resource, sub.namespace, !clusterScopedKinds.has(sub.resource), scope);
    if (denial) return this.refuse(sub, denial);
    sub.scope = scope;
    if (sub.owed !== "none") return;
    if (this.ws.bufferedAmount > this.lagLimit()) {
      sub.owed = "resync";
      return this.watchBuffer();
    }
    this.send({ type: "resync", id: sub.id, reason: "your access changed; a fresh snapshot follows" });
    this.sendSnapshot(sub);
  }

  private scheduleExpiry(): void {
    const expiresAt = this.identity.person?.expiresAt;
    if (expiresAt === undefined) return;
    const wait = Math.min(Math.max(expiresAt - Date.now(), 0), maxTimerMs);
    this.expiryTimer = setTimeout(() => {
      if (Date.now() >= expiresAt) this.close(StreamCloseCode.SessionEnded, "login expired; log in again");
      else this.scheduleExpiry();
    }, wait);
    this.expiryTimer.unref();
  }

  private unsubscribe(id: string): void {
    if (this.topologies.unsubscribe(id) || this.usage.unsubscribe(id)) return;
    if (!this.subscriptions.delete(id)) this.send({ type: "error", id, message: `no subscription "${id}" on this connection` });
  }

  private sendSnapshot(sub: Subscription): void {
    const items = snapshotItems(this.cache, sub.resource, sub.namespace, sub.scope!);
    const resourceVersion = this.cache.statuses().find((s) => s.kind === sub.resource)?.resourceVersion;
    sub.owed = "none";
    const text = snapshotMessage(sub.id, items, resourceVersion);
    this.snapshotBytes += text.length;
    this.sendRaw(text);
    this.watchBuffer();
  }

  private fallBehind(): void {
    this.lagBytes = this.ws.bufferedAmount;
    for (const sub of this.subscriptions.values()) if (sub.owed === "none") sub.owed = "resync";
    this.watchBuffer();
  }

  /** Deltas are dropped above this; it forgets sent snapshots once the buffer is back under the soft limit. */
  private lagLimit(): number {
    if (this.ws.bufferedAmount <= this.limits.maxBufferedBytes) this.snapshotBytes = 0;
    return this.limits.maxBufferedBytes + this.snapshotBytes;
  }

  private watchBuffer(): void {
    if (this.drainTimer || this.closed || this.ws.bufferedAmount <= this.lagLimit()) return;
    this.drainTimer = setInterval(() => this.checkDrain(), this.limits.drainCheckMs);
  }

  private checkDrain(): void {
    const buffered = this.ws.bufferedAmount;
    if (buffered > this.limits.hardBufferedBytes + this.snapshotBytes) {
      this.overHardLimitSince ??= Date.now();
      if (Date.now() - this.overHardLimitSince >= this.limits.slowClientTimeoutMs) return this.closeSlowClient(buffered);
    } else this.overHardLimitSince = undefined;
    if (buffered > this.limits.maxBufferedBytes / 2) return;
    clearInterval(this.drainTimer);
    this.drainTimer = undefined;
    this.payDebts();
  }

  private payDebts(): void {
    for (const sub of this.subscriptions.values()) {
      if (sub.owed === "none" || sub.owed === "access") continue;
      if (sub.owed === "resync") {
        this.send({ type: "resync", id: sub.id, reason: `the connection fell behind (${this.lagBytes} bytes unsent); changes were dropped and a fresh snapshot follows` });
      }
      this.sendSnapshot(sub);
    }
  }

  private closeSlowClient(buffered: number): void {
    const seconds = Math.round(this.limits.slowClientTimeoutMs / 1000);
    log.warn({ buffered, seconds }, "closing a stream client that stopped reading");
    this.close(StreamCloseCode.TryAgainLater, `client too slow: over ${this.limits.hardBufferedBytes} bytes unread for ${seconds}s`);
  }

  private send(message: ServerMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  private sendRaw(text: string): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(text);
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.drainTimer);
    this.drainTimer = undefined;
    clearInterval(this.refreshTimer);
    clearTimeout(this.expiryTimer);
    this.subscriptions.clear();
    this.topologies.stop();
    this.usage.stop();
    this.onClosed(this);
  }
}
