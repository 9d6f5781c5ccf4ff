import { afterEach, describe, expect, test, vi } from "vitest";
import { log } from "@/server/log";
import { FakeMetricsApi, list, nodeItem, podItem, status } from "./testing/fakeMetricsApi";
import { startUsagePoller, UsagePoller, type UsagePollerOptions } from "./usagePoller";

const pollers: UsagePoller[] = [];
afterEach(async () => {
  while (pollers.length > 0) await pollers.pop()!.stop();
  vi.restoreAllMocks();
});

function poller(api: FakeMetricsApi, options: UsagePollerOptions = {}): UsagePoller {
  const created = new UsagePoller(api, { intervalMs: 60_000, ...options });
  pollers.push(created);
  return created;
}

function healthyApi(): FakeMetricsApi {
  const api = new FakeMetricsApi();
  api.pods = { status: 200, body: list("PodMetricsList", [podItem("shop", "web", [{ cpu: "250m", memory: "100Mi" }, { cpu: "1500000n", memory: "512Ki" }])]) };
  api.nodes = { status: 200, body: list("NodeMetricsList", [nodeItem("node-1", "2", "4Gi")]) };
  return api;
}

describe("UsagePoller", () => {
  test("reads pod and node usage from metrics.k8s.io and says it is available", async () => {
    const api = healthyApi();
    const usage = poller(api);
    expect(usage.status()).toMatchObject({ state: "unavailable", reason: expect.stringContaining("waiting") });
    await usage.pollNow();
    expect(api.requested.sort()).toEqual(["/apis/metrics.k8s.io/v1beta1/nodes", "/apis/metrics.k8s.io/v1beta1/pods"]);
    expect(usage.status()).toEqual({ state: "available" });
    expect(usage.lookup().pod("shop", "web")).toEqual({ cpuMillicores: 251.5, memoryBytes: 100 * 2 ** 20 + 512 * 1024 });
    expect(usage.lookup().pod("shop", "other")).toBeUndefined();
    expect(usage.lookup().node("node-1")).toEqual({ cpuMillicores: 2000, memoryBytes: 4 * 2 ** 30 });
  });

  test("404 means the metrics API is not installed: no samples, one warning over several polls", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const api = new FakeMetricsApi();
    api.pods = { status: 404, body: status(404, "NotFound", "the server could not find the requested resource") };
    api.nodes = api.pods;
    const usage = poller(api);
    for (let i = 0; i < 3; i++) await usage.pollNow();
    expect(usage.status()).toEqual({ state: "unavailable", reason: expect.stringMatching(/^the metrics API \(metrics\.k8s\.io\) is not installed/) });
    expect(usage.lookup().pod("shop", "web")).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(api.requested).toHaveLength(6);
  });

  test("503 means the metrics API is not answering", async () => {
    const api = healthyApi();
    api.nodes = { status: 503, body: status(503, "ServiceUnavailable", "the server is currently unable to handle the request") };
    const usage = poller(api);
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    await usage.pollNow();
    expect(usage.status()).toEqual({ state: "unavailable", reason: expect.stringContaining("is not answering (503: the server is currently unable") });
    // The pod list still answered, so pods keep their usage.
    expect(usage.lookup().pod("shop", "web")).toBeDefined();
  });

  test("403 says the identity is forbidden and which list it may not read", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const api = healthyApi();
    api.pods = { status: 403, body: status(403, "Forbidden", 'pods.metrics.k8s.io is forbidden: User "orrery" cannot list resource "pods"') };
    const usage = poller(api);
    await usage.pollNow();
    const current = usage.status();
    expect(current.state === "unavailable" && current.reason).toMatch(/^forbidden: .*pods\.metrics\.k8s\.io \(403: pods\.metrics\.k8s\.io is forbidden/);
  });

  test("malformed items are skipped; an unreadable answer or a network failure makes usage unavailable with the reason", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const api = healthyApi();
    api.pods = { status: 200, body: list("PodMetricsList", [{ metadata: { name: "x" } }, podItem("shop", "ok", [{ cpu: "1m", memory: "1Ki" }]), 42]) };
    const usage = poller(api);
    await usage.pollNow();
    expect(usage.status()).toEqual({ state: "available" });
    expect([...usage.lookup().pods.keys()]).toEqual(["shop/ok"]);
    api.pods = { status: 200, body: "<html>proxy error</html>" };
    await usage.pollNow();
    expect(usage.status()).toMatchObject({ state: "unavailable", reason: expect.stringContaining("unreadable pods list") });
    api.pods = { error: new Error("cannot reach the apiserver at https://127.0.0.1:6443: connection refused (ECONNREFUSED)") };
    await usage.pollNow();
    expect(usage.status()).toMatchObject({ reason: expect.stringContaining("connection refused") });
  });

  test("a request that hangs gives up after the timeout", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const api = healthyApi();
    api.nodes = { hang: true };
    const usage = poller(api, { intervalMs: 1000, timeoutMs: 50 });
    await usage.pollNow();
    expect(usage.status()).toMatchObject({ reason: expect.stringContaining("did not answer for nodes within 0.05 s") });
  });

  test("listeners hear about polls that changed something, and only those", async () => {
    const api = healthyApi();
    const usage = poller(api);
    const heard = vi.fn();
    const unsubscribe = usage.onChange(heard);
    await usage.pollNow();
    expect(heard).toHaveBeenCalledTimes(1);
    const first = usage.lookup();
    await usage.pollNow();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(usage.lookup()).toBe(first);
    api.nodes = { status: 200, body: list("NodeMetricsList", [nodeItem("node-1", "3", "4Gi")]) };
    await usage.pollNow();
    expect(heard).toHaveBeenCalledTimes(2);
    expect(usage.lookup().node("node-1")?.cpuMillicores).toBe(3000);
    // The pod's sample did not change, so it is the same object as before.
    expect(usage.lookup().pod("shop", "web")).toBe(first.pod("shop", "web"));
    unsubscribe();
    api.nodes = { status: 200, body: list("NodeMetricsList", []) };
    await usage.pollNow();
    expect(heard).toHaveBeenCalledTimes(2);
    expect(usage.lookup().node("node-1")).toBeUndefined();
  });

  test("after failures, samples are kept while recent and dropped once too old", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    let now = 1_000_000;
    const api = healthyApi();
    const usage = poller(api, { intervalMs: 1000, maxSampleAgeMs: 3000, now: () => now });
    await usage.pollNow();
    api.pods = { status: 503, body: status(503, "ServiceUnavailable", "unavailable") };
    now += 2000;
    await usage.pollNow();
    expect(usage.status().state).toBe("unavailable");
    expect(usage.lookup().pod("shop", "web")).toBeDefined();
    now += 2000;
    await usage.pollNow();
    expect(usage.lookup().pod("shop", "web")).toBeUndefined();
    expect(usage.lookup().node("node-1")).toBeDefined();
  });

  test("polls again every interval and logs when usage comes back", async () => {
    vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const info = vi.spyOn(log, "info").mockImplementation(() => undefined);
    const api = new FakeMetricsApi();
    api.pods = { status: 404, body: status(404, "NotFound", "not found") };
    const usage = startUsagePoller(api, { intervalMs: 20 });
    pollers.push(usage);
    await vi.waitFor(() => expect(api.requested.length).toBeGreaterThanOrEqual(6), { timeout: 2000 });
    api.pods = healthyApi().pods;
    await vi.waitFor(() => expect(usage.status()).toEqual({ state: "available" }), { timeout: 2000 });
    expect(info).toHaveBeenCalledWith(expect.stringContaining("answers again"));
  });

  test("stop cancels the request under way and polls no more", async () => {
    const api = healthyApi();
    api.pods = { hang: true };
    const usage = startUsagePoller(api, { intervalMs: 20 });
    const heard = vi.fn();
    usage.onChange(heard);
    await vi.waitFor(() => expect(api.requested).toHaveLength(2));
    await usage.stop();
    const asked = api.requested.length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(api.requested).toHaveLength(asked);
    expect(heard).not.toHaveBeenCalled();
    await usage.pollNow();
    expect(api.requested).toHaveLength(asked);
  });

  test("refuses an interval that is not positive", () => {
    expect(() => new UsagePoller(new FakeMetricsApi(), { intervalMs: 0 })).toThrow(RangeError);
  });
});
