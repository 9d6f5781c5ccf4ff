import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import { ClusterCache, type CacheChange } from "./cache";
import { connectWithKubeconfigYaml } from "./connect";
import { resourceKinds } from "./resources";

let demo: DemoCluster;
let cache: ClusterCache;

beforeAll(async () => {
  demo = await startDemoCluster({ port: 0, nodes: 3, pods: 10 });
  cache = new ClusterCache(connectWithKubeconfigYaml(demo.kubeconfig, "demo"));
  cache.start();
});

afterAll(async () => {
  await cache?.stop();
  await demo?.stop();
});

describe("ClusterCache against the demo cluster", () => {
  test("lists every kind and goes live", async () => {
    await cache.whenSynced();
    const statuses = cache.statuses();
    expect(statuses.map((s) => s.kind)).toEqual(resourceKinds.map((k) => k.kind));
    await vi.waitFor(() => expect(cache.statuses().every((s) => s.state === "live")).toBe(true), { timeout: 10_000 });
    expect(cache.list("namespaces").map((n) => n.metadata.name)).toContain("kube-system");
    expect(cache.get("services", "default", "kubernetes")?.kind).toBe("Service");
  });

  test("shows a pod created through the API", async () => {
    await cache.whenSynced();
    const changes: CacheChange[] = [];
    cache.onChange((batch) => changes.push(...batch));
    const connection = connectWithKubeconfigYaml(demo.kubeconfig, "demo");
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "cache-probe", namespace: "default", labels: { probe: "yes" } }, spec: { containers: [{ name: "main", image: "busybox" }] } };
    const response = await connection.request("/api/v1/namespaces/default/pods", { method: "POST", body: pod });
    expect(response.status, await response.text()).toBe(201);
    await vi.waitFor(() => expect(cache.get("pods", "default", "cache-probe")).toBeDefined(), { timeout: 10_000 });
    expect(cache.list("pods", { labelSelector: { probe: "yes" } }).map((p) => p.metadata.name)).toEqual(["cache-probe"]);
    expect(changes.some((c) => c.type === "ADDED" && c.kind === "pods" && c.object.metadata.name === "cache-probe")).toBe(true);
  });
});
