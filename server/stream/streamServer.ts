import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { StreamCloseCode } from "@/lib/wire/stream";
import type { Person } from "../auth/person";
import type { UsageSource } from "../kube/usage/usageLookup";
import { accessFor as accessOfPerson } from "../access/accessFor";
import type { CacheView } from "./cacheView";
import { ConnectionScopes, type StreamAccess } from "./streamAccess";
import { StreamConnection, type BufferLimits, type ConnectionIdentity } from "./streamConnection";
import { StreamHub } from "./streamHub";
import { limitToEmbedScope } from "../embed/embedStreamAccess";
import { SharedViews } from "../topology/sharedViews";
import { defaultTopologyOptions, type TopologyOptions } from "../topology/topologyFeed";
import { refuseUpgrade } from "../http/upgradeRouter";
import { asCloseReason, SocketQuota, type SocketCaps } from "../http/socketQuota";
import { log } from "../log";

/** The upgrade's verdict: the person the socket serves (its snapshots and deltas are filtered for them), or the refusal. */
export type AuthorizeResult = { ok: true; person: Person } | { ok: false; status: 401 | 403; reason: string };

export interface StreamServerDeps {
  cache: CacheView;
  /** Soft limit of unsent bytes per client before deltas are dropped for a resync (default 8 MiB). */
  maxBufferedBytes?: number;
  /** The one place where login and Origin are checked for /api/stream; every socket serves a person, filtered by their access. */
  authorize: (req: IncomingMessage) => AuthorizeResult | Promise<AuthorizeResult>;
  /** Open stream sockets at most per person and per embed token (default 32 and 8). */
  sockets?: Partial<SocketCaps>;
  /** Window in which changes are coalesced before they are sent (default 25 ms; 0 sends on the next tick). */
  coalesceMs?: number;
  pingIntervalMs?: number;
  limits?: Partial<BufferLimits>;
  /** Where the person of a connection may list each kind (default: server/access's accessFor over the running Orrery). */
  accessFor?: (person: Person) => StreamAccess;
  /** How often each connection asks its person's access again (default 30 s, the access cache's lifetime). */
  accessRefreshMs?: number;
  /** Topology views: the node count above which they are grouped (default 15,000) and the frame interval (default 250 ms). */
  topology?: Partial<TopologyOptions>;
  /** CPU and memory for topology views (server/kube/usage); each poll that changes them owes every view a frame. */
  usage?: UsageSource;
}

export interface StreamServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
  clientCount(): number;
  /** Bytes queued for all clients and not yet taken by the network. */
  unreadBytes(): number;
  /** Closes the connections whose person matches (e.g. the session that ended); returns how many. */
  closeConnectionsOf(match: (person: Person) => boolean, reason: string): number;
}

export const STREAM_MAX_PAYLOAD = 64 * 1024;

// 64 MiB holds a 10,000-pod snapshot of pods of up to ~6 KiB each (kube-apiserver's shape without managedFields)
// with room for a map view; a browser that reads takes it whole, one that stops reading is closed at this bound.
const defaultHardBufferedBytes = 64 * 1024 * 1024;

export const defaultStreamSocketCaps: SocketCaps = { perPerson: 32, perEmbedToken: 8 };

function resolveLimits(deps: StreamServerDeps): BufferLimits {
  const maxBufferedBytes = deps.maxBufferedBytes ?? 8 * 1024 * 1024;
  return {
    maxBufferedBytes,
    hardBufferedBytes: Math.max(defaultHardBufferedBytes, maxBufferedBytes * 2),
    slowClientTimeoutMs: 15_000,
    drainCheckMs: 100,
    maxSubscriptions: 100,
    ...deps.limits,
  };
}

// An embed token's socket reads what its view reads and nothing else.
function streamAccessOf(person: Person, accessFor: (person: Person) => StreamAccess): StreamAccess {
  const access = accessFor(person);
  return person.via === "embed" && person.scope ? limitToEmbedScope(access, person.scope) : access;
}

/** The multiplexed `/api/stream` websocket: snapshots, coalesced deltas and cache health per tab. */
export function createStreamServer(deps: StreamServerDeps): StreamServer {
  // No default: a stream without a person would send the whole cache to anyone who reaches the port.
  if (typeof deps.authorize !== "function") throw new TypeError("createStreamServer needs an authorize function: every stream socket serves a logged-in person");
  const limits = resolveLimits(deps);
  const quota = new SocketQuota({ ...defaultStreamSocketCaps, ...deps.sockets }, "live connections");
  const accessFor = deps.accessFor ?? accessOfPerson;
  const wss = new WebSocketServer({ noServer: true, maxPayload: STREAM_MAX_PAYLOAD });
  const hub = new StreamHub(deps.cache, deps.coalesceMs ?? 25, deps.pingIntervalMs ?? 25_000);
  const shared = new SharedViews();
  const topology: TopologyOptions = { ...defaultTopologyOptions, shared, ...deps.topology, ...(deps.usage ? { usage: deps.usage } : {}) };
  const stopInvalidating = deps.cache.onChange(() => shared.invalidate());
  const stopUsage = deps.usage?.onChange(() => {
    shared.invalidate();
    hub.connections.forEach((connection) => connection.usageChanged());
  });
  let closing: Promise<void> | undefined;

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, person: Person) => {
    const slot = quota.take(person);
    if (!slot.ok) {
      log.warn({ person: person.name, via: person.via }, "stream socket refused: too many open");
      // The handshake completes so the page can show why: a browser sees no HTTP refusal's reason.
      return wss.handleUpgrade(req, socket, head, (ws) => ws.close(StreamCloseCode.TooManyConnections, asCloseReason(slot.message)));
    }
    if (socket.destroyed) return slot.release();
    socket.once("close", slot.release);
    const identity: ConnectionIdentity = { person, scopes: new ConnectionScopes(streamAccessOf(person, accessFor)), refreshMs: deps.accessRefreshMs ?? 30_000 };
    wss.handleUpgrade(req, socket, head, (ws) => {
      hub.add(new StreamConnection(ws, deps.cache, limits, (closed) => hub.remove(closed), identity, topology));
      log.debug({ clients: hub.connections.size }, "stream client connected");
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      if (closing) return refuseUpgrade(socket, 503, "Service Unavailable");
      Promise.resolve(deps.authorize(req))
        .then((verdict) => (verdict.ok ? accept(req, socket, head, verdict.person) : refuseUpgrade(socket, verdict.status, verdict.reason)))
        .catch((err: unknown) => {
          log.error({ err }, "stream upgrade failed");
          refuseUpgrade(socket, 500, "Internal Server Error");
        });
    },
    clientCount: () => hub.connections.size,
    unreadBytes: () => [...hub.connections].reduce((sum, connection) => sum + connection.unreadBytes, 0),
    closeConnectionsOf(match, reason) {
      const matching = [...hub.connections].filter((c) => match(c.person));
      for (const connection of matching) connection.close(StreamCloseCode.SessionEnded, reason);
      return matching.length;
    },
    close() {
      closing ??= (async () => {
        stopUsage?.();
        stopInvalidating();
        hub.stop();
        for (const connection of [...hub.connections]) connection.close(StreamCloseCode.GoingAway, "server shutting down");
        await closeGracefully(wss, 1000);
      })();
      return closing;
    },
  };
}

// Clients get a moment to answer the close frame; those that do not are cut off.
async function closeGracefully(wss: WebSocketServer, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}
