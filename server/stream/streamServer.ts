import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { StreamCloseCode } from "@/lib/wire/stream";
import type { CacheChangeView, CacheView, KindStatusView } from "./cacheView";
import { ChangeBatch } from "./changeBatch";
import { StreamConnection, type BufferLimits } from "./streamConnection";
import { refuseUpgrade } from "../http/upgradeRouter";
import { log } from "../log";

export type AuthorizeResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface StreamServerDeps {
  cache: CacheView;
  /** Soft limit of unsent bytes per client before deltas are dropped for a resync (default 8 MiB). */
  maxBufferedBytes?: number;
  /** The one place where login and Origin are checked for /api/stream; allows everything by default. */
  authorize?: (req: IncomingMessage) => AuthorizeResult | Promise<AuthorizeResult>;
  /** Window in which changes are coalesced before they are sent (default 25 ms; 0 sends on the next tick). */
  coalesceMs?: number;
  pingIntervalMs?: number;
  limits?: Partial<BufferLimits>;
}

export interface StreamServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
  clientCount(): number;
}

export const STREAM_MAX_PAYLOAD = 64 * 1024;

function resolveLimits(deps: StreamServerDeps): BufferLimits {
  const maxBufferedBytes = deps.maxBufferedBytes ?? 8 * 1024 * 1024;
  return {
    maxBufferedBytes,
    hardBufferedBytes: maxBufferedBytes * 4,
    slowClientTimeoutMs: 15_000,
    drainCheckMs: 100,
    maxSubscriptions: 100,
    ...deps.limits,
  };
}

// A status is re-sent only when what a person would see changes, not on every resourceVersion.
const statusSignature = (s: KindStatusView) => `${s.state}\u0000${s.reason ?? ""}\u0000${s.apiserver}`;

/** The multiplexed `/api/stream` websocket: snapshots, coalesced deltas and cache health per tab. */
export function createStreamServer(deps: StreamServerDeps): StreamServer {
  const { cache } = deps;
  const limits = resolveLimits(deps);
  const authorize = deps.authorize ?? (() => ({ ok: true }) as const);
  const wss = new WebSocketServer({ noServer: true, maxPayload: STREAM_MAX_PAYLOAD });
  const connections = new Set<StreamConnection>();
  const lastStatus = new Map(cache.statuses().map((s) => [s.kind, statusSignature(s)]));
  let batch = new ChangeBatch();
  let flushTimer: { cancel(): void } | undefined;
  let statusChanged = false;
  let closing: Promise<void> | undefined;

  const flush = () => {
    flushTimer = undefined;
    const ready = batch;
    batch = new ChangeBatch();
    const statuses = statusChanged ? cache.statuses() : undefined;
    statusChanged = false;
    for (const connection of connections) {
      if (statuses) connection.sendStatus(statuses);
      if (!ready.isEmpty) connection.deliver(ready);
    }
  };
  const scheduleFlush = () => {
    if (flushTimer) return;
    const coalesceMs = deps.coalesceMs ?? 25;
    if (coalesceMs > 0) {
      const timeout = setTimeout(flush, coalesceMs);
      flushTimer = { cancel: () => clearTimeout(timeout) };
    } else {
      const immediate = setImmediate(flush);
      flushTimer = { cancel: () => clearImmediate(immediate) };
    }
  };
  const cancelFlush = () => {
    flushTimer?.cancel();
    flushTimer = undefined;
  };

  const stopChanges = cache.onChange((changes: readonly CacheChangeView[]) => {
    if (connections.size === 0) return;
    for (const change of changes) batch.add(change);
    scheduleFlush();
  });
  const stopStatus = cache.onStatus((status) => {
    const signature = statusSignature(status);
    if (lastStatus.get(status.kind) === signature) return;
    lastStatus.set(status.kind, signature);
    statusChanged = true;
    scheduleFlush();
  });
  const pingTimer = setInterval(() => connections.forEach((c) => c.ping()), deps.pingIntervalMs ?? 25_000);
  pingTimer.unref();

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new StreamConnection(ws, cache, limits, (closed) => connections.delete(closed));
      connections.add(connection);
      connection.sendStatus(cache.statuses());
      log.debug({ clients: connections.size }, "stream client connected");
    });
  };

  return {
    handleUpgrade(req, socket, head) {
      Promise.resolve(authorize(req))
        .then((verdict) => (verdict.ok ? accept(req, socket, head) : refuseUpgrade(socket, verdict.status, verdict.reason)))
        .catch((err: unknown) => {
          log.error({ err }, "stream upgrade failed");
          refuseUpgrade(socket, 500, "Internal Server Error");
        });
    },
    clientCount: () => connections.size,
    close() {
      closing ??= shutDown();
      return closing;
    },
  };

  async function shutDown(): Promise<void> {
    stopChanges();
    stopStatus();
    clearInterval(pingTimer);
    cancelFlush();
    for (const connection of [...connections]) connection.close(StreamCloseCode.GoingAway, "server shutting down");
    await closeGracefully(wss, 1000);
  }
}

// Clients get a moment to answer the close frame; those that do not are cut off.
async function closeGracefully(wss: WebSocketServer, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}
