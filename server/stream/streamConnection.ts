import type { WebSocket } from "ws";
import type { TopologySubscribe } from "@/lib/wire/topology";
import type { UsageSubscribe } from "@/lib/wire/usage";
import { StreamCloseCode, type ResourceSubscribe, type ServerMessage } from "@/lib/wire/stream";
import { parseClientMessage } from "@/lib/wire/parseClientMessage";
import type { Person } from "../auth/person";
import { log } from "../log";
import { topologyKinds } from "../topology/source";
import { defaultTopologyOptions, type TopologyOptions } from "../topology/topologyFeed";
import { AccessWatch, type ConnectionIdentity } from "./accessWatch";
import type { CacheView, KindStatusView } from "./cacheView";
import type { ChangeBatch } from "./changeBatch";
import { FlowControl, type BufferLimits } from "./flowControl";
import { ResourceSubscriptions } from "./resourceSubscriptions";
import { TopologySubscriptions } from "./topologySubscriptions";
import { UsageSubscriptions } from "./usageSubscriptions";

export type { BufferLimits } from "./flowControl";
export type { ConnectionIdentity } from "./accessWatch";

// ws waits 30 s for a close handshake; a stuck client's buffer is not kept that long.
const stuckCloseGraceMs = 1_000;

/** One browser tab: its messages, its subscriptions (kinds and topology views), and its lifetime. */
export class StreamConnection {
  private readonly flow: FlowControl;
  private readonly resources: ResourceSubscriptions;
  private readonly topologies: TopologySubscriptions;
  private readonly usage: UsageSubscriptions;
  private readonly access: AccessWatch;
  alive = true;
  closed = false;

  constructor(
    private readonly ws: WebSocket,
    cache: CacheView,
    private readonly limits: BufferLimits,
    private readonly onClosed: (connection: StreamConnection) => void,
    private readonly identity: ConnectionIdentity,
    topologyOptions: TopologyOptions = defaultTopologyOptions,
  ) {
    this.flow = new FlowControl(ws, limits, {
      onDrained: () => {
        this.resources.payDebts();
        this.topologies.sendWaiting();
      },
      owesFrames: () => this.resources.owesFrames() || this.topologies.waiting > 0,
      close: (code, reason) => this.closeStuck(code, reason),
    });
    const personName = identity.person.name;
    const parts = { cache, scopes: identity.scopes, flow: this.flow, personName, send: (message: ServerMessage) => this.send(message), isClosed: () => this.closed };
    this.resources = new ResourceSubscriptions(parts);
    this.topologies = new TopologySubscriptions(parts, topologyOptions);
    this.usage = new UsageSubscriptions({
      ...parts,
      usage: topologyOptions.usage,
      send: (text) => this.flow.send(text),
      sendError: (id, message) => this.send({ type: "error", id, message }),
      isBehind: () => this.flow.isBehindForFrames(),
    });
    this.access = new AccessWatch(identity, {
      kinds: () => (this.topologies.size > 0 ? [...this.resources.grantedKinds(), ...topologyKinds] : this.resources.grantedKinds()),
      onChanged: (changed) => {
        this.resources.rescope(changed);
        // A topology view rebuilt under the new scope sends what appeared and disappeared as a delta.
        this.topologies.changed(changed);
        this.usage.changed(changed);
      },
      onExpired: () => this.close(StreamCloseCode.SessionEnded, "login expired; log in again"),
    });
    ws.on("message", (data, isBinary) => this.handleFrame(isBinary ? null : data.toString()));
    ws.on("pong", () => (this.alive = true));
    ws.on("close", () => this.dispose());
    ws.on("error", (err) => log.debug({ err }, "stream socket error"));
  }

  /** The person this connection serves, for closing it when their login ends. */
  get person(): Person {
    return this.identity.person;
  }

  /** Bytes queued for this client and not yet taken by the network. */
  get unreadBytes(): number {
    return this.flow.buffered;
  }

  sendStatus(kinds: readonly KindStatusView[]): void {
    this.send({ type: "status", kinds: [...kinds] });
  }

  /** Sends this window's deltas, or drops them and owes a resync when the client is behind. */
  deliver(batch: ChangeBatch): void {
    if (this.closed) return;
    // Topology feeds coalesce on their own timer and wait out a full buffer, so they are only told.
    if (batch.touches(topologyKinds)) this.topologies.changed();
    this.resources.deliver(batch);
  }

  /** New CPU and memory samples: every topology view is owed a frame (its delta carries the nodes whose usage moved). */
  usageChanged(): void {
    if (this.closed) return;
    this.topologies.changed();
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

  /** A client that stopped reading would never take the close frame: its socket and buffer are freed after a short grace. */
  private closeStuck(code: number, reason: string): void {
    this.close(code, reason);
    setTimeout(() => this.ws.terminate(), stuckCloseGraceMs).unref();
  }

  private handleFrame(text: string | null): void {
    this.alive = true;
    if (this.closed) return;
    if (text === null) return this.send({ type: "error", message: "binary frames are not understood; send JSON text frames" });
    const parsed = parseClientMessage(text);
    if (!parsed.ok) return this.send({ type: "error", id: parsed.id, message: parsed.error });
    const message = parsed.message;
    if (message.type === "ping") return this.send({ type: "pong" });
    if (message.type === "unsubscribe") return this.unsubscribe(message.id);
    this.subscribe(message);
  }

  /** Why a new subscription cannot be taken; undefined when it can. */
  private subscriptionRefusal(id: string): string | undefined {
    if (this.resources.has(id) || this.topologies.has(id) || this.usage.has(id)) return `subscription id "${id}" is already in use; unsubscribe it first or pick another id`;
    if (this.resources.size + this.topologies.size + this.usage.size >= this.limits.maxSubscriptions) return `too many subscriptions (${this.limits.maxSubscriptions}); unsubscribe some first`;
    return undefined;
  }

  private subscribe(message: ResourceSubscribe | TopologySubscribe | UsageSubscribe): void {
    const refusal = this.subscriptionRefusal(message.id);
    if (refusal) return this.send({ type: "error", id: message.id, message: refusal });
    if (message.resource === "topology") this.topologies.subscribe(message);
    else if (message.resource === "usage") this.usage.subscribe(message);
    else this.resources.subscribe(message);
  }

  private unsubscribe(id: string): void {
    if (this.topologies.unsubscribe(id) || this.usage.unsubscribe(id) || this.resources.unsubscribe(id)) return;
    this.send({ type: "error", id, message: `no subscription "${id}" on this connection` });
  }

  private send(message: ServerMessage): void {
    if (!this.closed) this.flow.send(JSON.stringify(message));
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.flow.stop();
    this.access.stop();
    this.resources.clear();
    this.topologies.stop();
    this.usage.stop();
    this.onClosed(this);
  }
}
