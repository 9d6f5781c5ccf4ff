// Informer cache benchmark against the embedded demo cluster: sync time, memory per pod, watch latency.
// Run: npm run bench:cache  (BENCH_PODS, BENCH_NODES, BENCH_EVENT_SECONDS, BENCH_EVENT_RATE, BENCH_TABS override the defaults)
import v8 from "node:v8";
import vm from "node:vm";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { startDemoCluster } from "@/server/demo-cluster/start";
import type { ObjectStore } from "@/server/demo-cluster/store";
import { ClusterCache, type CacheChange } from "@/server/kube/cache";
import { connectWithKubeconfigYaml } from "@/server/kube/connect";
import { benchNode, benchPod } from "@/server/kube/testing/benchObjects";
import { setLogLevel } from "@/server/log";
import { measureStreamLatency, planTabs } from "./streamLatency";

const pods = Number(process.env.BENCH_PODS ?? 10_000);
const nodes = Number(process.env.BENCH_NODES ?? 1_000);
const eventSeconds = Number(process.env.BENCH_EVENT_SECONDS ?? 20);
const eventRate = Number(process.env.BENCH_EVENT_RATE ?? 100);
const stampKey = "bench.orrery.dev/sent-at";
const streamTabs = Number(process.env.BENCH_TABS ?? 50);

function bench(name: string, value: number, unit: string): void {
  console.log(`BENCH ${name}=${value.toFixed(unit === "B" ? 0 : 1)} ${unit}`);
}

// tsx runs without --expose-gc; V8 can still expose it at run time.
function exposeGc(): () => void {
  if (typeof globalThis.gc === "function") return globalThis.gc as () => void;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

async function settledHeap(gc: () => void): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 3; i++) {
    gc();
    await delay(50);
  }
  return process.memoryUsage();
}

/** Waits until the demo simulation stops adding pods, then creates whatever is missing directly in its store. */
async function ensurePopulation(store: ObjectStore): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && store.list("pods").length < pods) {
    const count = store.list("pods").length;
    if (count !== last) [last, stableSince] = [count, Date.now()];
    if (Date.now() - stableSince > 2_000) break;
    await delay(250);
  }
  const haveNodes = store.list("nodes").length;
  const havePods = store.list("pods").length;
  if (haveNodes < nodes || havePods < pods) {
    console.log(`note: the demo simulation made ${havePods} pods / ${haveNodes} nodes; adding ${Math.max(0, pods - havePods)} pods and ${Math.max(0, nodes - haveNodes)} nodes to its store directly`);
  }
  for (let i = haveNodes; i < nodes; i++) store.create("nodes", benchNode(i));
  for (let ns = 0; ns < 20; ns++) if (!store.get("namespaces", undefined, `team-${ns}`)) store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: `team-${ns}` } });
  for (let i = havePods; i < pods; i++) store.create("pods", benchPod(i, nodes));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Changes `eventRate` pods per second for `eventSeconds`, each stamped with its send time; returns the latencies seen by onChange. */
async function measureEventLatency(cache: ClusterCache, store: ObjectStore): Promise<{ latencies: number[]; sent: number }> {
  const latencies: number[] = [];
  const unsubscribe = cache.onChange((batch: readonly CacheChange[]) => {
    const now = performance.now();
    for (const change of batch) {
      const stamp = change.kind === "pods" && change.type === "MODIFIED" ? change.object.metadata.annotations?.[stampKey] : undefined;
      if (stamp && stamp !== change.previous?.metadata.annotations?.[stampKey]) latencies.push(now - Number(stamp));
    }
  });
  const targets = store.list("pods").map((p) => [p.metadata.namespace, p.metadata.name] as const);
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < eventSeconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * eventRate);
    for (; sent < due; sent++) {
      const [namespace, name] = targets[sent % targets.length]!;
      store.mutate("pods", namespace, name, (draft) => {
        draft.metadata.annotations = { ...draft.metadata.annotations, [stampKey]: String(performance.now()) };
      });
    }
    await delay(5);
  }
  const waitUntil = performance.now() + 5_000;
  while (latencies.length < sent && performance.now() < waitUntil) await delay(20);
  unsubscribe();
  return { latencies, sent };
}

async function main(): Promise<void> {
  if (!process.env.ORRERY_LOG_LEVEL) setLogLevel("warn");
  const gc = exposeGc();
  const demo = await startDemoCluster({ port: 0, nodes, pods });
  await ensurePopulation(demo.store);
  const before = await settledHeap(gc);
  const connection = connectWithKubeconfigYaml(demo.kubeconfig, "demo");
  const cache = new ClusterCache(connection);
  const syncStart = performance.now();
  cache.start();
  await cache.whenSynced();
  const syncMs = performance.now() - syncStart;
  const after = await settledHeap(gc);
  const cachedPods = cache.list("pods").length;
  console.log(`cached ${cachedPods} pods, ${cache.list("nodes").length} nodes; statuses: ${cache.statuses().map((s) => `${s.kind}=${s.state}`).join(" ")}`);
  bench("cache.sync_ms", syncMs, "ms");
  bench("cache.bytes_per_pod", (after.heapUsed - before.heapUsed) / cachedPods, "B");
  bench("cache.rss_bytes_per_pod", (after.rss - before.rss) / cachedPods, "B");
  const { latencies, sent } = await measureEventLatency(cache, demo.store);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`events: sent ${sent}, delivered ${latencies.length} at ${eventRate}/s`);
  bench("cache.event_latency_ms_p50", percentile(sorted, 50), "ms");
  bench("cache.event_latency_ms_p99", percentile(sorted, 99), "ms");
  // The same changes as a browser receives them: through /api/stream, one tab per namespace-limited person, filtered by RBAC.
  const tabs = planTabs(demo.store, streamTabs);
  const stream = await measureStreamLatency(cache, connection, demo.store, { tabs, rate: eventRate, seconds: eventSeconds, stampKey: "bench.orrery.dev/stream-sent-at" });
  const streamSorted = [...stream.latencies].sort((a, b) => a - b);
  console.log(`stream: ${stream.tabs} tabs of ${stream.tabs} namespace-limited persons (access filter on), ${stream.sent} changes sent, ${stream.latencies.length} deliveries to tabs`);
  bench("stream.resyncs", stream.resyncs, "count");
  bench("stream.foreign_objects", stream.foreign, "count");
  bench("stream.access_reviews_while_driving", stream.reviewsWhileDriving, "count");
  bench("stream.delivery_latency_ms_p50", percentile(streamSorted, 50), "ms");
  bench("stream.delivery_latency_ms_p99", percentile(streamSorted, 99), "ms");
  await cache.stop();
  await demo.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("cache benchmark failed:", error);
    process.exit(1);
  },
);
