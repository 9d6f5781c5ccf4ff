import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { HttpHandler, HttpMethod, RouteRegistry } from "../http/types";
import { registerMetricsRoutes } from "./metricsRoutes";
import { startHarness } from "./testHarness";

/** Records handlers like the demo apiserver's registry and matches `:param` patterns. */
function fakeRegistry() {
  const routes: { method: HttpMethod; pattern: RegExp; names: string[]; handler: HttpHandler }[] = [];
  const registry: RouteRegistry = {
    http(method, pattern, handler) {
      const names: string[] = [];
      const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    },
    upgrade() {
      throw new Error("no upgrades expected");
    },
  };
  return { registry, routes };
}

describe("metrics routes", () => {
  const h = startHarness();
  const { registry, routes } = fakeRegistry();
  registerMetricsRoutes(registry, { store: h.store });
  let server: Server;
  let base = "";

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      for (const route of routes) {
        const m = route.method === req.method ? route.pattern.exec(url.pathname) : null;
        if (!m) continue;
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
        void route.handler(req, res, { url, params, user: "admin", groups: [] });
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    h.sim.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  const getJson = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test("lists node metrics with cpu in nanocores and memory in Ki", async () => {
    const { status, body } = await getJson("/apis/metrics.k8s.io/v1beta1/nodes");
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "NodeMetricsList", apiVersion: "metrics.k8s.io/v1beta1" });
    const items = body.items as { metadata: { name: string }; window: string; timestamp: string; usage: { cpu: string; memory: string } }[];
    expect(items.map((i) => i.metadata.name)).toEqual(["node-1", "node-2", "node-3"]);
    for (const item of items) {
      expect(item.usage.cpu).toMatch(/^\d+n$/);
      expect(item.usage.memory).toMatch(/^\d+Ki$/);
      expect(item.window).toBe("10s");
      expect(Number.parseInt(item.usage.cpu, 10)).toBeGreaterThan(50_000_000);
    }
    const one = await getJson("/apis/metrics.k8s.io/v1beta1/nodes/node-2");
    expect(one.body).toMatchObject({ kind: "NodeMetrics", metadata: { name: "node-2" } });
  });

  test("lists pod metrics per namespace, with label selectors", async () => {
    const { body } = await getJson("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods?labelSelector=app%3Dfrontend");
    const items = body.items as { metadata: { name: string; namespace: string }; containers: { name: string; usage: { cpu: string; memory: string } }[] }[];
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.metadata.namespace).toBe("shop");
      expect(item.containers[0]).toMatchObject({ name: "nginx", usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) } });
    }
    const all = await getJson("/apis/metrics.k8s.io/v1beta1/pods");
    expect((all.body.items as unknown[]).length).toBeGreaterThan(20);
    const single = await getJson(`/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/${items[0]!.metadata.name}`);
    expect(single.body).toMatchObject({ kind: "PodMetrics", window: "30s" });
  });

  test("answers 404 and 400 as Status objects", async () => {
    const missing = await getJson("/apis/metrics.k8s.io/v1beta1/nodes/node-9");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: "Status", reason: "NotFound", message: 'nodemetrics.metrics.k8s.io "node-9" not found' });
    const pod = await getJson("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/nope");
    expect(pod.body).toMatchObject({ code: 404, message: 'podmetrics.metrics.k8s.io "shop/nope" not found' });
    const bad = await getJson("/apis/metrics.k8s.io/v1beta1/pods?labelSelector=a%3Db%3Dc");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ kind: "Status", reason: "BadRequest" });
  });

  test("the leaky pod's memory climbs while it runs", async () => {
    const leaky = () => h.podsOf("shop", "leaky-")[0]!;
    h.advanceUntil(() => leaky().status?.containerStatuses?.[0]?.state.running !== undefined, 6 * 60_000, 5_000);
    const memory = async () => {
      const { body } = await getJson(`/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/${leaky().metadata.name}`);
      return Number.parseInt((body.containers as { usage: { memory: string } }[])[0]!.usage.memory, 10);
    };
    // metrics-server reports at its last scrape, which must come after the container started.
    h.advance(10_000);
    const first = await memory();
    h.advance(20_000);
    expect(await memory()).toBeGreaterThan(first);
    expect(await memory()).toBeLessThanOrEqual(128 * 1024);
  });

  test("serves the kubelet Summary API for a node's pods", async () => {
    const { status, body } = await getJson("/api/v1/nodes/node-2/proxy/stats/summary");
    expect(status).toBe(200);
    const node = body.node as Record<string, Record<string, number>>;
    expect(body.node).toMatchObject({ nodeName: "node-2" });
    expect(node.cpu!.usageNanoCores).toBeGreaterThan(0);
    expect(node.cpu!.usageCoreNanoSeconds).toBeGreaterThan(node.cpu!.usageNanoCores!);
    for (const field of ["workingSetBytes", "usageBytes", "rssBytes", "availableBytes"]) expect(node.memory![field]).toBeGreaterThan(0);
    expect(node.network!.rxBytes).toBeGreaterThan(0);
    expect(node.fs!.capacityBytes).toBeGreaterThan(node.fs!.usedBytes!);
    const pods = body.pods as { podRef: { name: string; namespace: string; uid: string }; containers: { name: string; cpu: { usageNanoCores: number }; memory: { workingSetBytes: number } }[]; "ephemeral-storage": { usedBytes: number } }[];
    const onNode = h.store.list("pods").filter((p) => (p.spec as { nodeName?: string }).nodeName === "node-2" && (p.status as { phase: string }).phase === "Running");
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.length).toBeLessThanOrEqual(onNode.length);
    for (const pod of pods) {
      expect(pod.podRef.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(pod.containers[0]!.memory.workingSetBytes).toBeGreaterThan(0);
      expect(pod["ephemeral-storage"].usedBytes).toBeGreaterThan(0);
    }
  });

  test("serves kubelet resource metrics in Prometheus text format, counters rising over time", async () => {
    const read = async () => {
      const res = await fetch(`${base}/api/v1/nodes/node-3/proxy/metrics/resource`);
      expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      return res.text();
    };
    const text = await read();
    for (const name of ["node_cpu_usage_seconds_total", "node_memory_working_set_bytes", "container_cpu_usage_seconds_total", "container_memory_working_set_bytes", "pod_cpu_usage_seconds_total", "pod_memory_working_set_bytes", "container_start_time_seconds", "resource_scrape_error"]) {
      expect(text).toContain(`# HELP ${name} [STABLE]`);
      expect(text).toMatch(new RegExp(`^# TYPE ${name} (counter|gauge)$`, "m"));
    }
    expect(text).toMatch(/^container_cpu_usage_seconds_total\{container="[^"]+",namespace="[^"]+",pod="[^"]+"\} [\d.e+-]+ \d{13}$/m);
    expect(text).toMatch(/^scrape_error 0$/m);
    const nodeCpu = (t: string) => Number(/^node_cpu_usage_seconds_total (\S+) /m.exec(t)![1]);
    h.advance(30_000);
    expect(nodeCpu(await read())).toBeGreaterThan(nodeCpu(text));
    const missing = await fetch(`${base}/api/v1/nodes/node-7/proxy/metrics/resource`);
    expect(missing.status).toBe(404);
  });
});
