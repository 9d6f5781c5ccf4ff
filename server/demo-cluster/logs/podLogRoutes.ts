import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "@/server/log";
import { sendStatus } from "../http/status";
import type { RequestContext, RouteRegistry } from "../http/types";
import type { ObjectStore } from "../store";
import { resolveContainerName, resolveLogRun } from "./containerRuns";
import { followLog } from "./followLog";
import { parseLogQuery, type LogQuery } from "./logQuery";
import { LogTimeline } from "./logTimeline";
import { LogWriter } from "./logWriter";
import { toPodView, type PodView } from "./podView";
import { notFound, StatusError } from "./statusError";

export interface PodLogDeps {
  store: ObjectStore;
  /** The clock, for tests; defaults to Date.now. */
  now?: () => number;
}

/** Serves pods/log like the kubelet behind the apiserver: text/plain, streamed when following. */
export function registerPodLogRoutes(routes: RouteRegistry, deps: PodLogDeps): void {
  routes.http("GET", "/api/v1/namespaces/:namespace/pods/:name/log", (req, res, ctx) => servePodLog(req, res, ctx, deps));
}

async function servePodLog(_req: IncomingMessage, res: ServerResponse, ctx: RequestContext, deps: PodLogDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const namespace = ctx.params.namespace ?? "";
  const name = ctx.params.name ?? "";
  try {
    const query = parseLogQuery(ctx.url.searchParams, name, now());
    const object = deps.store.get("pods", namespace, name);
    if (!object) throw notFound(`pods "${name}" not found`);
    await streamPodLog(res, toPodView(object), query, deps.store, now);
  } catch (error) {
    if (error instanceof StatusError && !res.headersSent) return sendStatus(res, error.code, error.reason, error.message);
    log.error({ err: error, namespace, pod: name }, "pod log stream failed");
    if (!res.headersSent) sendStatus(res, 500, "InternalError", "an error on the server prevented the log from being read");
    else res.destroy();
  }
}

async function streamPodLog(res: ServerResponse, pod: PodView, query: LogQuery, store: ObjectStore, now: () => number): Promise<void> {
  const containerName = resolveContainerName(pod, query.container);
  // An unscheduled pod has no kubelet to ask: the apiserver answers with an empty log.
  const run = pod.spec.nodeName ? resolveLogRun(pod, containerName, query.previous) : undefined;
  res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-cache, private" });
  res.socket?.setNoDelay(true);
  if (!run) return void res.end();
  const timeline = new LogTimeline(run);
  const snapshot = timeline.snapshot(now());
  let from = snapshot.first;
  if (query.tailLines !== undefined) from = Math.max(from, snapshot.total - query.tailLines);
  if (query.sinceMs !== undefined) from = Math.max(from, timeline.firstAtOrAfter(query.sinceMs, snapshot));
  const writer = new LogWriter(res, query.timestamps, query.limitBytes);
  await writer.writeRange(timeline, snapshot, from, snapshot.total);
  if (!query.follow || run.endMs !== undefined || writer.done) return void res.end();
  const { uid, namespace = "default", name } = pod.metadata;
  const clientGone = new AbortController();
  res.once("close", () => clientGone.abort());
  await followLog({ sink: writer, signal: clientGone.signal, store, timeline, cursor: Math.max(from, snapshot.total), podUid: uid, namespace, podName: name, now });
  if (!res.writableEnded) res.end();
}
