import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import { ClusterCache } from "../kube/cache";
import { connectWithKubeconfigYaml } from "../kube/connect";
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
