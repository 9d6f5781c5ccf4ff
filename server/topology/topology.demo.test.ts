import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import { ClusterCache } from "../kube/cache";
import { connectWithKubeconfigYaml, type ClusterConnection } from "../kube/connect";
import { UsagePoller } from "../kube/usage/usagePoller";
import { sourceFromCache } from "./cacheSource";
import { buildGraph } from "./views";

let demo: DemoCluster;
let cache: ClusterCache;

beforeAll(async () => {
  demo = await startDemoCluster({ port: 0, nodes: 3, pods: 30 });
  cache = new ClusterCache(connectWithKubeconfigYaml(demo.kubeconfig, "demo"));
  cache.start();
  await cache.whenSynced();
});

afterAll(async () => {
  await cache?.stop();
  await demo?.stop();
});

describe("topology of the demo cluster", () => {
  test("every pod is in the pods view, on a host, and pods with owners have a controller", () => {
    const source = sourceFromCache(cache, () => ({ all: true }));
    const graph = buildGraph("pods", source);
    const ids = new Set(graph.nodes.map((n) => n.id));
    const pods = cache.list("pods");
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(ids.has(pod.metadata.uid!)).toBe(true);
    // Edges only join nodes that are in the view.
    for (const e of graph.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    const scheduled = graph.edges.filter((e) => e.kind === "scheduled").length;
    expect(scheduled).toBe(pods.filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName).length);
    const owned = new Set(graph.edges.filter((e) => e.kind === "owns").map((e) => e.target));
    const withAppsOwner = pods.filter((p) => p.metadata.ownerReferences?.some((r) => ["ReplicaSet", "StatefulSet", "DaemonSet", "Job"].includes(r.kind)));
    expect(withAppsOwner.length).toBeGreaterThan(0);
    for (const pod of withAppsOwner) expect(owned.has(pod.metadata.uid!), pod.metadata.name).toBe(true);
  });

  test("hosts count every scheduled pod, and the controllers view has no ReplicaSets", () => {
    const source = sourceFromCache(cache, () => ({ all: true }));
    const hosts = buildGraph("hosts", source).nodes;
    expect(hosts).toHaveLength(cache.list("nodes").length);
    const counted = hosts.reduce((sum, h) => sum + (h.group?.count ?? 0), 0);
    expect(counted).toBe(cache.list("pods").filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName).length);
    const kinds = new Set(buildGraph("controllers", source).nodes.map((n) => n.kind));
    expect(kinds.has("Deployment")).toBe(true);
    expect([...kinds].every((k) => ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Unmanaged"].includes(k))).toBe(true);
  });

  test("services select pods through the demo's EndpointSlices", () => {
    const graph = buildGraph("services", sourceFromCache(cache, () => ({ all: true })));
    const selects = graph.edges.filter((e) => e.kind === "selects");
    expect(selects.length).toBeGreaterThan(0);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
  });
});

type MetricsItem = { metadata: { name: string; namespace?: string }; containers?: { usage: { memory: string } }[]; usage?: { memory: string } };

// Read independently of the poller: the demo, like metrics-server, writes memory in Ki.
const kibibytes = (memory: string) => {
  expect(memory).toMatch(/^\d+Ki$/);
  return Number(memory.slice(0, -2)) * 1024;
};

async function memoryFromApi(connection: ClusterConnection, resource: "pods" | "nodes"): Promise<Map<string, number>> {
  const response = await connection.request(`/apis/metrics.k8s.io/v1beta1/${resource}`);
  expect(response.status).toBe(200);
  const { items } = await response.json<{ items: MetricsItem[] }>();
  return new Map(items.map((item) => resource === "pods"
    ? [`${item.metadata.namespace}/${item.metadata.name}`, item.containers!.reduce((sum, c) => sum + kibibytes(c.usage.memory), 0)]
    : [item.metadata.name, kibibytes(item.usage!.memory)]));
}

describe("usage from the demo's metrics.k8s.io", () => {
  test("pod and host nodes carry the memory the metrics API answers at the same moment", async () => {
    const connection = connectWithKubeconfigYaml(demo.kubeconfig, "demo");
    const usage = new UsagePoller(connection, { intervalMs: 60_000 });
    try {
      // The demo's samples move every 10 s; a read is kept only when the API answered the same before and after the poll.
      const api = await vi.waitFor(async () => {
        const before = [await memoryFromApi(connection, "pods"), await memoryFromApi(connection, "nodes")];
        await usage.pollNow();
        const after = [await memoryFromApi(connection, "pods"), await memoryFromApi(connection, "nodes")];
        expect(after).toEqual(before);
        return { pods: after[0]!, nodes: after[1]! };
      }, { timeout: 25_000, interval: 200 });
      expect(usage.status()).toEqual({ state: "available" });

      const source = sourceFromCache(cache, () => ({ all: true }), undefined, usage.lookup());
      const podNodes = buildGraph("pods", source).nodes.filter((n) => n.kind === "Pod");
      const sampled = podNodes.filter((n) => n.metrics?.memoryBytes !== undefined);
      expect(sampled.length).toBeGreaterThan(podNodes.length / 2);
      for (const node of podNodes) expect(node.metrics?.memoryBytes, `${node.namespace}/${node.name}`).toBe(api.pods.get(`${node.namespace}/${node.name}`));
      // What `memory > 100M` (100 MiB) picks on the map is what the API says is above it.
      const above = (entries: [string, number | undefined][]) => entries.filter(([, bytes]) => bytes !== undefined && bytes > 100 * 2 ** 20).map(([key]) => key).sort();
      const shownPods = new Set(podNodes.map((n) => `${n.namespace}/${n.name}`));
      expect(above(podNodes.map((n) => [`${n.namespace}/${n.name}`, n.metrics?.memoryBytes]))).toEqual(above([...api.pods].filter(([key]) => shownPods.has(key))));

      const hosts = buildGraph("hosts", source).nodes;
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) expect(host.metrics?.memoryBytes, host.name).toBe(api.nodes.get(host.name));
    } finally {
      await usage.stop();
    }
  });
});
