import type { ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import { log } from "@/server/log";
import { storeKeyOf } from "../resources";
import { StoreError, type StoreEvent } from "../store";
import type { DemoApi } from "./apiContext";
import { statusOf } from "./apiError";
import { candidates, checkNotFromFuture } from "./listHandler";
import { objectMatcher, type ObjectMatcher } from "./listPage";
import type { ListQuery } from "./listQuery";
import type { Rendering } from "./negotiate";
import type { ResourceTarget } from "./requestPath";
import { WatchEncoder } from "./watchEncoder";
import { scopedMatcher, visibleChange } from "./watchFilter";

/** A watcher this far behind is cut off (kube-apiserver drops slow watchers too); it re-watches. */
const maxBufferedBytes = 16 * 1024 * 1024;
const batchSize = 200;

/** kube-apiserver picks a random timeout per watch; the demo uses 5-10 minutes. */
function defaultTimeoutMs(): number {
  return (300 + Math.random() * 300) * 1000;
}

interface WatchSession {
  res: ServerResponse;
  encoder: WatchEncoder;
  matches: ObjectMatcher;
  closed: boolean;
  cleanups: (() => void)[];
}

export async function serveWatch(res: ServerResponse, api: DemoApi, target: ResourceTarget, query: ListQuery, rendering: Rendering): Promise<void> {
  checkNotFromFuture(api.store, query.resourceVersion);
  if (api.faults?.expiredWatchAsHttpError) refuseExpiredUpFront(api, target, query);
  const session: WatchSession = {
    res,
    encoder: new WatchEncoder(target.info, rendering, query.includeObject),
    matches: scopedMatcher(target.namespace, objectMatcher(query.labels, query.fields)),
    closed: false,
    cleanups: [],
  };
  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
  res.flushHeaders();
  const stop = () => finish(session);
  api.openWatches.add(stop);
  session.cleanups.push(() => api.openWatches.delete(stop));
  res.on("close", stop);
  armTimers(session, api, query);
  const initial = query.sendInitialEvents ?? (query.resourceVersion === undefined || query.resourceVersion === "0");
  if (initial) await startWithSnapshot(session, api, target, query);
  // sendInitialEvents=false without a version starts at the most recent one, with no synthetic events.
  else startFrom(session, api, target, query.resourceVersion === undefined ? api.store.resourceVersion : Number(query.resourceVersion));
}

function armTimers(session: WatchSession, api: DemoApi, query: ListQuery): void {
  const timeoutMs = query.timeoutSeconds !== undefined && query.timeoutSeconds > 0 ? query.timeoutSeconds * 1000 : defaultTimeoutMs();
  const timeout = setTimeout(() => finish(session), timeoutMs);
  session.cleanups.push(() => clearTimeout(timeout));
  if (!query.allowWatchBookmarks) return;
  const ticker = setInterval(() => write(session, session.encoder.bookmark(api.store.resourceVersion)), api.bookmarkIntervalMs);
  session.cleanups.push(() => clearInterval(ticker));
}

/** The mutation tests' wrong answer to a compacted version: HTTP 410 before the stream starts. */
function refuseExpiredUpFront(api: DemoApi, target: ResourceTarget, query: ListQuery): void {
  const since = Number(query.resourceVersion ?? "0");
  const compacted = api.store.compactedRV(storeKeyOf(target.info));
  if (since > 0 && since < compacted) throw new StoreError("Expired", `too old resource version: ${since} (${compacted})`);
}

/** Replays history after `sinceRV`, then streams; a compacted version is one ERROR event, then the end. */
function startFrom(session: WatchSession, api: DemoApi, target: ResourceTarget, sinceRV: number): void {
  try {
    const unsubscribe = api.store.watch(storeKeyOf(target.info), sinceRV, (event) => deliver(session, event));
    session.cleanups.push(unsubscribe);
  } catch (error) {
    if (!(error instanceof StoreError) || error.reason !== "Expired") throw error;
    write(session, session.encoder.error(statusOf(error).body));
    finish(session);
  }
}

/** Synthetic ADDED for the current objects, then live events; changes during the snapshot are queued, not lost. */
async function startWithSnapshot(session: WatchSession, api: DemoApi, target: ResourceTarget, query: ListQuery): Promise<void> {
  const snapshot = candidates(api.store, target, query).filter(session.matches);
  const snapshotRV = api.store.resourceVersion;
  const queued: StoreEvent[] = [];
  let live = false;
  const unsubscribe = api.store.watch(storeKeyOf(target.info), snapshotRV, (event) => (live ? deliver(session, event) : queued.push(event)));
  session.cleanups.push(unsubscribe);
  await writeSnapshot(session, snapshot);
  if (session.closed) return;
  if (query.sendInitialEvents === true) write(session, session.encoder.bookmark(snapshotRV, true));
  for (const event of queued) deliver(session, event);
  live = true;
}

async function writeSnapshot(session: WatchSession, objects: readonly KubeObject[]): Promise<void> {
  for (let i = 0; i < objects.length && !session.closed; i += batchSize) {
    const text = objects.slice(i, i + batchSize).map((o) => session.encoder.event("ADDED", o)).join("");
    if (!session.res.write(text)) await new Promise<void>((resolve) => {
      session.res.once("drain", resolve);
      session.cleanups.push(resolve);
    });
  }
}

function deliver(session: WatchSession, event: StoreEvent): void {
  const change = visibleChange(event, session.matches);
  if (change) write(session, session.encoder.event(change.type, change.object));
}

function write(session: WatchSession, text: string): void {
  if (session.closed) return;
  session.res.write(text);
  if (session.res.writableLength > maxBufferedBytes) {
    log.warn({ buffered: session.res.writableLength }, "demo apiserver: closing a watch whose client does not keep up");
    finish(session);
  }
}

function finish(session: WatchSession): void {
  if (session.closed) return;
  session.closed = true;
  for (const cleanup of session.cleanups.splice(0)) cleanup();
  if (!session.res.writableEnded && !session.res.destroyed) session.res.end();
}
