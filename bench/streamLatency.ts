import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { AccessService } from "@/server/access/accessService";
import type { Person } from "@/server/auth/person";
import type { ObjectStore } from "@/server/demo-cluster/store";
import type { ClusterCache } from "@/server/kube/cache";
import type { ClusterConnection } from "@/server/kube/connect";
import { createStreamServer } from "@/server/stream/streamServer";
import { grantNamespaceViewers, type NamespaceViewer } from "./namespaceViewers";

export interface TabPlan {
  viewer: NamespaceViewer;
  /** Subscribed namespace; undefined asks for all namespaces, which the access filter narrows to the viewer's. */
  namespace?: string;
}

export interface StreamLatencyResult {
  latencies: number[];
  sent: number;
  /** Times a tab fell behind and was sent a fresh snapshot instead of the deltas. */
  resyncs: number;
  /** Objects a tab received from outside its person's namespace: the access filter let them through. */
  foreign: number;
  /** SubjectAccessReviews sent while changes were driven (each connection asks its person's access again every 30 s). */
  reviewsWhileDriving: number;
  tabs: number;
}

const wallClock = () => performance.timeOrigin + performance.now();

/** One namespace-limited person per tab over the busiest namespaces; every other tab asks for all namespaces, as the Pods page does. */
export function planTabs(store: ObjectStore, count: number): TabPlan[] {
  const perNamespace = new Map<string, number>();
  for (const pod of store.list("pods")) perNamespace.set(pod.metadata.namespace!, (perNamespace.get(pod.metadata.namespace!) ?? 0) + 1);
  const namespaces = [...perNamespace.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return Array.from({ length: count }, (_, i) => {
    const viewer = { name: `bench-viewer-${i}`, namespace: namespaces[i % namespaces.length]! };
    return i % 2 === 0 ? { viewer } : { viewer, namespace: viewer.namespace };
  });
}

function personOf(name: string): Person {
  return { name, groups: [], via: "session", sessionId: `bench-${name}`, readOnly: false };
}

/**
 * Serves /api/stream from the cache as Orrery does: each tab is a logged-in person limited by RBAC to one namespace,
 * filtered through server/access's SubjectAccessReviews against the cluster. Opens the tabs in a worker thread,
 * drives stamped pod changes and gathers arrival latencies.
 */
export async function measureStreamLatency(
  cache: ClusterCache,
  connection: ClusterConnection,
  store: ObjectStore,
  opts: { tabs: TabPlan[]; rate: number; seconds: number; stampKey: string },
): Promise<StreamLatencyResult> {
  grantNamespaceViewers(store, opts.tabs.map((tab) => tab.viewer));
  const access = new AccessService({ connection, namespaces: () => cache.list("namespaces").map((ns) => ns.metadata.name), mode: "impersonate" });
  const stream = createStreamServer({
    cache,
    accessFor: (person) => access.accessFor(person),
    authorize: (req) => {
      const name = new URL(req.url ?? "/", "http://bench.invalid").searchParams.get("person");
      return name ? { ok: true, person: personOf(name) } : { ok: false, status: 401, reason: "Unauthorized" };
    },
  });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream`;
  const tabs = opts.tabs.map((tab) => ({ person: tab.viewer.name, allowed: tab.viewer.namespace, namespace: tab.namespace }));
  const worker = new Worker(new URL("./streamTabs.worker.mjs", import.meta.url), { workerData: { url, tabs, stampKey: opts.stampKey } });
  try {
    await nextMessage(worker, "ready", 120_000);
    const reviewsBefore = access.reviewsSent;
    const sent = await driveChanges(store, opts);
    const reviewsWhileDriving = access.reviewsSent - reviewsBefore;
    await delay(2_000);
    worker.postMessage({ type: "collect" });
    const { latencies, resyncs, foreign } = (await nextMessage(worker, "result", 30_000)) as { latencies: number[]; resyncs: number; foreign: number };
    return { latencies, sent, resyncs, foreign, reviewsWhileDriving, tabs: opts.tabs.length };
  } finally {
    await worker.terminate();
    await stream.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}

async function driveChanges(store: ObjectStore, opts: { rate: number; seconds: number; stampKey: string }): Promise<number> {
  const targets = store.list("pods").map((p) => [p.metadata.namespace, p.metadata.name] as const);
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < opts.seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * opts.rate);
    for (; sent < due; sent++) {
      const [namespace, name] = targets[(sent * 7919) % targets.length]!;
      if (!store.get("pods", namespace, name)) continue;
      store.mutate("pods", namespace, name, (draft) => {
        draft.metadata.annotations = { ...draft.metadata.annotations, [opts.stampKey]: String(wallClock()) };
      });
    }
    await delay(5);
  }
  return sent;
}

function nextMessage(worker: Worker, type: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stream tabs did not report "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === "error") reject(new Error(`stream tab failed: ${message.message}`));
      if (message.type !== type && message.type !== "error") return;
      clearTimeout(timer);
      worker.off("message", onMessage);
      resolve(message);
    };
    worker.on("message", onMessage);
  });
}
