import { StreamCloseCode, type ClientMessage, type ServerMessage, type StreamResourceKind, type WireChange, type WireKindStatus } from "@/lib/wire/stream";
import type { KubeObject } from "@/lib/k8s/types";
import type { TopologyMessage, TopologySubscribe } from "@/lib/wire/topology";
import type { UsageFrame, UsageSubscribe } from "@/lib/wire/usage";

/** The part of the browser WebSocket the client uses (the `ws` package's client fits too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface SubscriptionHandler {
  onSnapshot(items: KubeObject[]): void;
  onDelta(changes: WireChange[]): void;
  /** The data in hand is no longer current; a fresh snapshot is coming (resync or reconnect). */
  onResyncing(): void;
  onError?(message: string): void;
}

/** Receives one topology subscription's snapshots and deltas (see lib/wire/topology.ts). */
export interface TopologyHandler {
  onMessage(message: TopologyMessage): void;
  /** The graph in hand is no longer current; a fresh snapshot is coming (resync or reconnect). */
  onResyncing(): void;
  onError?(message: string): void;
}

/** Receives the lists' CPU and memory frames (see lib/wire/usage.ts). */
export interface UsageHandler {
  onFrame(frame: UsageFrame): void;
  /** The samples in hand are no longer current (reconnecting); a fresh frame is coming. */
  onResyncing(): void;
  onError?(message: string): void;
}

export type UsageRequest = Omit<UsageSubscribe, "type" | "id" | "resource">;

export type TopologyRequest = Omit<TopologySubscribe, "type" | "id" | "resource">;

export type ConnectionPhase = "connecting" | "open" | "reconnecting";

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Why the last connection ended, for a person. */
  reason?: string;
  /** When the next attempt starts (epoch ms) while reconnecting. */
  retryAt?: number;
  everOpened: boolean;
}

export interface StreamState {
  connection: ConnectionState;
  kinds: readonly WireKindStatus[];
}

export interface StreamClientOptions {
  url: () => string;
  createSocket: (url: string) => SocketLike;
  heartbeatMs?: number;
  /** A connection silent for this long is presumed dead and replaced. */
  silenceLimitMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  /** Called instead of reconnecting when the server closed because the login ended. */
  onSessionEnded?: () => void;
}

const OPEN = 1;

type Subscription =
  | { resource: StreamResourceKind; namespace?: string; handler: SubscriptionHandler }
  | { resource: "topology"; request: TopologyRequest; handler: TopologyHandler }
  | { resource: "usage"; request: UsageRequest; handler: UsageHandler };

/** One websocket per tab: multiplexes subscriptions, reconnects with backoff and resubscribes. */
export class StreamClient {
  private socket: SocketLike | undefined;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly listeners = new Set<() => void>();
  private state: StreamState = { connection: { phase: "connecting", everOpened: false }, kinds: [] };
  private nextId = 0;
  private attempt = 0;
  private lastMessageAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(private readonly options: StreamClientOptions) {}

  start(): void {
    if (this.socket || this.stopped) return;
    this.connect();
    const heartbeatMs = this.options.heartbeatMs ?? 15_000;
    this.heartbeat = setInterval(() => this.checkHeartbeat(), heartbeatMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    this.socket?.close(1000, "client stopped");
    this.socket = undefined;
  }

  subscribe(resource: StreamResourceKind, namespace: string | undefined, handler: SubscriptionHandler): () => void {
    const id = `s${++this.nextId}`;
    this.subscriptions.set(id, { resource, namespace, handler });
    this.sendSubscribe(id);
    return () => {
      if (this.subscriptions.delete(id)) this.send({ type: "unsubscribe", id });
    };
  }

  /** A topology view; the server sends a snapshot, then deltas, and a new snapshot after every reconnect. */
  subscribeTopology(request: TopologyRequest, handler: TopologyHandler): () => void {
    const id = `t${++this.nextId}`;
    this.subscriptions.set(id, { resource: "topology", request, handler });
    this.sendSubscribe(id);
    return () => {
      if (this.subscriptions.delete(id)) this.send({ type: "unsubscribe", id });
    };
  }

  /** CPU and memory for the lists (pods in a namespace, or all, and nodes); a whole frame after every poll that changed them. */
  subscribeUsage(request: UsageRequest, handler: UsageHandler): () => void {
    const id = `u${++this.nextId}`;
    this.subscriptions.set(id, { resource: "usage", request, handler });
    this.sendSubscribe(id);
    return () => {
      if (this.subscriptions.delete(id)) this.send({ type: "unsubscribe", id });
    };
  }

  getState = (): StreamState => this.state;

  onState = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Drops the current connection as if the network failed; the client reconnects by itself. */
  dropConnection(reason: string): void {
    this.socket?.close(4000, reason);
  }

  private connect(): void {
    const socket = this.options.createSocket(this.options.url());
    this.socket = socket;
    socket.onopen = () => this.handleOpen(socket);
    socket.onmessage = (event) => this.handleMessage(socket, event.data);
    socket.onclose = (event) => this.handleClose(socket, event.code, event.reason);
    socket.onerror = () => undefined;
  }

  private handleOpen(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.attempt = 0;
    this.lastMessageAt = Date.now();
    this.setConnection({ phase: "open", everOpened: true });
    for (const id of this.subscriptions.keys()) this.sendSubscribe(id);
  }

  private handleMessage(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket || typeof data !== "string") return;
    this.lastMessageAt = Date.now();
    const message = JSON.parse(data) as ServerMessage;
    if (message.type === "status") return this.mergeStatuses(message.kinds);
    if (message.type === "pong") return;
    const sub = "id" in message && message.id !== undefined ? this.subscriptions.get(message.id) : undefined;
    if (!sub) return;
    if (sub.resource === "topology") return routeTopology(sub.handler, message);
    if (sub.resource === "usage") return routeUsage(sub.handler, message);
    if (message.type === "snapshot") sub.handler.onSnapshot(message.items);
    else if (message.type === "delta") sub.handler.onDelta(message.changes);
    else if (message.type === "resync") sub.handler.onResyncing();
    else if (message.type === "error") sub.handler.onError?.(message.message);
  }

  private handleClose(socket: SocketLike, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    if (this.stopped) return;
    if (code === StreamCloseCode.SessionEnded && this.options.onSessionEnded) {
      this.stopped = true;
      this.options.onSessionEnded();
      return;
    }
    for (const sub of this.subscriptions.values()) sub.handler.onResyncing();
    const base = Math.min(this.options.maxBackoffMs ?? 15_000, 500 * 2 ** this.attempt++);
    const delay = Math.round(base * (0.5 + (this.options.random ?? Math.random)() / 2));
    const why = reason ? `${reason} (code ${code})` : `connection lost (code ${code})`;
    this.setConnection({ phase: "reconnecting", reason: why, retryAt: Date.now() + delay, everOpened: this.state.connection.everOpened });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private checkHeartbeat(): void {
    if (this.socket?.readyState !== OPEN) return;
    if (Date.now() - this.lastMessageAt > (this.options.silenceLimitMs ?? 45_000)) {
      this.socket.close(4000, "the server stopped answering");
      return;
    }
    this.send({ type: "ping" });
  }

  private mergeStatuses(kinds: readonly WireKindStatus[]): void {
    const merged = new Map(this.state.kinds.map((k) => [k.kind, k]));
    for (const kind of kinds) merged.set(kind.kind, kind);
    this.state = { ...this.state, kinds: [...merged.values()] };
    this.listeners.forEach((listener) => listener());
  }

  private setConnection(connection: ConnectionState): void {
    this.state = { ...this.state, connection };
    this.listeners.forEach((listener) => listener());
  }

  private sendSubscribe(id: string): void {
    const sub = this.subscriptions.get(id);
    if (!sub) return;
    if (sub.resource === "topology") this.send({ type: "subscribe", id, resource: "topology", ...sub.request });
    else if (sub.resource === "usage") this.send({ type: "subscribe", id, resource: "usage", ...sub.request });
    else this.send({ type: "subscribe", id, resource: sub.resource, ...(sub.namespace ? { namespace: sub.namespace } : {}) });
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }
}

function routeTopology(handler: TopologyHandler, message: ServerMessage): void {
  if (message.type === "topology-snapshot" || message.type === "topology-delta") handler.onMessage(message);
  else if (message.type === "resync") handler.onResyncing();
  else if (message.type === "error") handler.onError?.(message.message);
}

function routeUsage(handler: UsageHandler, message: ServerMessage): void {
  if (message.type === "usage") handler.onFrame(message);
  else if (message.type === "error") handler.onError?.(message.message);
}
