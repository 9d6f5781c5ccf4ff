import { afterEach, describe, expect, test, vi } from "vitest";
import { Informer, type InformerStatus } from "./informer";
import type { ObjectChange } from "./reconcile";
import { kindInfo } from "./resources";
import { FaultyApiServer, testPod } from "./testing/faultyApiServer";
import { connectToTestServer } from "./testing/fakeConnection";
import { resolveTimings, type InformerTimingOverrides } from "./timings";
import type { KubeObject } from "./types";

const podsPath = "/api/v1/pods";
const fast: InformerTimingOverrides = {
  pageSize: 2,
  backoff: { baseMs: 20, capMs: 100 },
  bookmarkIntervalMs: 100,
  stallFactor: 3,
  minWatchMs: 20,
  watchTimeoutSeconds: [30, 40],
};
const waitLong = { timeout: 8_000, interval: 20 };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function startScenario(opts: { pods?: number; timings?: InformerTimingOverrides; before?: (server: FaultyApiServer) => void } = {}) {
  const server = await FaultyApiServer.start();
  server.addCollection(podsPath);
  for (let i = 0; i < (opts.pods ?? 5); i++) server.create(podsPath, testPod(`pod-${i}`));
  opts.before?.(server);
  const changes: ObjectChange[] = [];
  const statuses: InformerStatus[] = [];
  const informer = new Informer(connectToTestServer(server.url), kindInfo("pods"), {
    onChanges: (batch) => changes.push(...batch),
    onStatus: (status) => statuses.push(status),
    onFirstSync: () => undefined,
  }, resolveTimings({ ...fast, ...opts.timings }));
  cleanups.push(async () => {
    await informer.stop();
    await server.close();
  });
  statuses.push(informer.status());
  informer.start();
  const states = () => statuses.map((s) => s.state).filter((state, i, all) => i === 0 || all[i - 1] !== state);
  return { server, informer, changes, statuses, states };
}

const fingerprint = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}@${o.metadata.resourceVersion}#${o.metadata.uid}`;

/** The cache holds exactly the server's objects, and replaying the emitted changes gives the same set (no ghost, no duplicate). */
function expectInSync(informer: Informer, server: FaultyApiServer, changes: readonly ObjectChange[]): void {
  const truth = server.objects(podsPath).map(fingerprint).sort();
  expect(informer.store.all().map(fingerprint).sort()).toEqual(truth);
  const replayed = new Map<string, KubeObject>();
  for (const change of changes) {
    const key = `${change.object.metadata.namespace}/${change.object.metadata.name}`;
    if (change.type === "ADDED") expect(replayed.has(key), `duplicate ADDED ${key}`).toBe(false);
    else expect(replayed.has(key), `${change.type} of unknown ${key}`).toBe(true);
    if (change.type === "DELETED") replayed.delete(key);
    else replayed.set(key, change.object);
  }
  expect([...replayed.values()].map(fingerprint).sort()).toEqual(truth);
}

async function untilLive(scenario: Awaited<ReturnType<typeof startScenario>>): Promise<void> {
  await vi.waitFor(() => {
    expect(scenario.informer.status().state).toBe("live");
    expect(scenario.server.openWatches(podsPath)).toBe(1);
  }, waitLong);
}

describe("Informer list", () => {
  test("lists in pages, then watches from the list's resourceVersion with bookmarks", async () => {
    const scenario = await startScenario({ pods: 5 });
    await untilLive(scenario);
    const { server, informer, changes } = scenario;
    const lists = server.requestsTo(podsPath, "list");
    expect(lists.map((r) => [r.query.limit, Boolean(r.query.continue)])).toEqual([["2", false], ["2", true], ["2", true]]);
    const watch = server.requestsTo(podsPath, "watch")[0]!;
    expect(watch.query).toMatchObject({ allowWatchBookmarks: "true", resourceVersion: String(server.resourceVersion) });
    expect(Number(watch.query.timeoutSeconds)).toBeGreaterThanOrEqual(30);
    expect(Number(watch.query.timeoutSeconds)).toBeLessThanOrEqual(40);
    expect(watch.headers.authorization).toBe("Bearer test-token");
    expect(scenario.states()).toEqual(["syncing", "live"]);
    expect(changes.filter((c) => c.type === "ADDED")).toHaveLength(5);
    expectInSync(informer, server, changes);
  });

  test("starts the list over when a continue token expires (410)", async () => {
    const scenario = await startScenario({ pods: 5, before: (server) => server.expireContinueOnce() });
    await untilLive(scenario);
    const firstPages = scenario.server.requestsTo(podsPath, "list").filter((r) => !r.query.continue);
    expect(firstPages).toHaveLength(2);
    expectInSync(scenario.informer, scenario.server, scenario.changes);
  });

  test.each([
    [500, "InternalError: injected fault 500"],
    [403, "Forbidden: injected fault 403; the identity Orrery uses lacks RBAC permission"],
    [401, "Unauthorized: injected fault 401; check the credentials in the kubeconfig"],
  ])("is in error with the reason while the list keeps failing (%i), and recovers by itself", async (status, reason) => {
    const scenario = await startScenario({ before: (server) => server.failNext(4, { status, match: "list" }) });
    await vi.waitFor(() => expect(scenario.informer.status().state).toBe("error"), waitLong);
    expect(scenario.informer.status().reason).toBe(`the apiserver at ${scenario.server.url} answered ${status} ${reason}`);
    await untilLive(scenario);
    expect(scenario.server.requestsTo(podsPath, "list").length).toBeGreaterThanOrEqual(5);
    expect(scenario.states()).toEqual(["syncing", "error", "live"]);
    expectInSync(scenario.informer, scenario.server, scenario.changes);
  });

  test("strips managedFields and stores frozen objects", async () => {
    const scenario = await startScenario({ pods: 0, before: (server) => server.create(podsPath, testPod("managed", "default", { metadata: { name: "managed", namespace: "default", managedFields: [{ manager: "kubectl" }] } })) });
    await untilLive(scenario);
    const cached = scenario.informer.store.get("default", "managed")!;
    expect(cached.metadata.managedFields).toBeUndefined();
    expect(Object.isFrozen(cached.metadata)).toBe(true);
  });
});

describe("Informer watch", () => {
  test("applies added, modified and deleted objects and reports each once", async () => {
    const scenario = await startScenario({ pods: 3 });
    await untilLive(scenario);
    const { server, informer, changes } = scenario;
    server.create(podsPath, testPod("pod-new"));
    server.update(podsPath, "default", "pod-0", (p) => void ((p.status as { phase: string }).phase = "Failed"));
    server.remove(podsPath, "default", "pod-1");
    await vi.waitFor(() => expect(informer.store.get("default", "pod-1")).toBeUndefined(), waitLong);
    expect(changes.slice(3).map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual(["ADDED pod-new", "MODIFIED pod-0", "DELETED pod-1"]);
    expect(changes[4]!.previous?.metadata.resourceVersion).not.toBe(changes[4]!.object.metadata.resourceVersion);
    expectInSync(informer, server, changes);
  });

  test("moves its resourceVersion on bookmarks and re-watches from it when the server ends the watch", async () => {
    const scenario = await startScenario();
    await untilLive(scenario);
    const { server, informer } = scenario;
    server.addCollection("/api/v1/nodes");
    server.create("/api/v1/nodes", { metadata: { name: "elsewhere" } });
    server.sendBookmark();
    await vi.waitFor(() => expect(informer.status().resourceVersion).toBe(String(server.resourceVersion)), waitLong);
    server.endWatches();
    await vi.waitFor(() => expect(server.requestsTo(podsPath, "watch")).toHaveLength(2), waitLong);
    expect(server.requestsTo(podsPath, "watch")[1]!.query.resourceVersion).toBe(String(server.resourceVersion));
    expect(server.requestsTo(podsPath, "list")).toHaveLength(3);
    expect(scenario.states()).toEqual(["syncing", "live"]);
  });

  test.each(["event", "http"] as const)("relists after a 410 (%s) and reconciles what changed while disconnected", async (style) => {
    const scenario = await startScenario({ pods: 4 });
    await untilLive(scenario);
    const { server, informer, changes } = scenario;
    server.expiredWatchStyle = style;
    server.setDown(true);
    await vi.waitFor(() => expect(informer.status().state).toBe("stale"), waitLong);
    expect(informer.status().reason).toContain(server.url);
    server.create(podsPath, testPod("pod-born"));
    server.update(podsPath, "default", "pod-0", (p) => void (p.metadata.labels = { app: "changed" }));
    server.remove(podsPath, "default", "pod-1");
    server.compact();
    const before = changes.length;
    const listsBefore = server.requestsTo(podsPath, "list").length;
    server.setDown(false);
    await untilLive(scenario);
    await vi.waitFor(() => expect(informer.store.get("default", "pod-born")).toBeDefined(), waitLong);
    expect(changes.slice(before).map((c) => `${c.type} ${c.object.metadata.name}`).sort()).toEqual(["ADDED pod-born", "DELETED pod-1", "MODIFIED pod-0"]);
    expect(server.requestsTo(podsPath, "list").length).toBeGreaterThan(listsBefore);
    expect(scenario.states()).toEqual(["syncing", "live", "stale", "live"]);
    expectInSync(informer, server, changes);
  });

  test("discards an event cut mid-line by a dropped connection and gets it whole on re-watch", async () => {
    const scenario = await startScenario({ pods: 2 });
    await untilLive(scenario);
    const { server, informer, changes } = scenario;
    server.update(podsPath, "default", "pod-0", (p) => void (p.metadata.labels = { cut: "yes" }), { cutMidLine: true });
    await vi.waitFor(() => expect(informer.store.get("default", "pod-0")?.metadata.labels).toEqual({ cut: "yes" }), waitLong);
    await untilLive(scenario);
    expect(changes.filter((c) => c.type === "MODIFIED")).toHaveLength(1);
    expect(server.requestsTo(podsPath, "list")).toHaveLength(1);
    expect(scenario.states()).toEqual(["syncing", "live", "stale", "live"]);
    expectInSync(informer, server, changes);
  });

  test("aborts a stalled watch and re-watches without losing the change it withheld", async () => {
    const scenario = await startScenario({ pods: 2 });
    await untilLive(scenario);
    const { server, informer, changes } = scenario;
    server.stallWatches();
    server.update(podsPath, "default", "pod-1", (p) => void (p.metadata.labels = { during: "stall" }));
    await vi.waitFor(() => expect(informer.store.get("default", "pod-1")?.metadata.labels).toEqual({ during: "stall" }), waitLong);
    expect(scenario.statuses.some((s) => s.state === "stale" && /watch stalled: no event or bookmark for 0.3s/.test(s.reason ?? ""))).toBe(true);
    await untilLive(scenario);
    expect(server.requestsTo(podsPath, "list")).toHaveLength(1);
    expectInSync(informer, server, changes);
  });

  test("keeps a quiet watch alive while bookmarks arrive", async () => {
    const scenario = await startScenario({ pods: 1 });
    await untilLive(scenario);
    const timer = setInterval(() => scenario.server.sendBookmark(), 50);
    await new Promise((resolve) => setTimeout(resolve, 700));
    clearInterval(timer);
    expect(scenario.server.requestsTo(podsPath, "watch")).toHaveLength(1);
    expect(scenario.states()).toEqual(["syncing", "live"]);
  });

  test("treats an ERROR event other than 410 and a garbage line as failures, then re-watches", async () => {
    const scenario = await startScenario({ pods: 1 });
    await untilLive(scenario);
    const { server, informer } = scenario;
    server.sendWatchError(500, "InternalError", "etcd leader changed");
    await vi.waitFor(() => expect(scenario.statuses.some((s) => s.reason?.includes("etcd leader changed"))).toBe(true), waitLong);
    await untilLive(scenario);
    server.sendRaw("<html>proxy error</html>\n");
    await vi.waitFor(() => expect(scenario.statuses.some((s) => s.reason?.includes("malformed watch event"))).toBe(true), waitLong);
    await untilLive(scenario);
    expect(server.requestsTo(podsPath, "list")).toHaveLength(1);
    expect(scenario.states()).toEqual(["syncing", "live", "stale", "live", "stale", "live"]);
    expectInSync(informer, server, scenario.changes);
  });
});

describe("Informer retries", () => {
  test.each([429, 503, 500])("waits for Retry-After on %i", async (status) => {
    const scenario = await startScenario({ pods: 1 });
    await untilLive(scenario);
    const { server } = scenario;
    server.failNext(1, { status, retryAfter: 1, match: "watch" });
    server.endWatches();
    await untilLive(scenario);
    await vi.waitFor(() => expect(server.requestsTo(podsPath, "watch")).toHaveLength(3), waitLong);
    const [, refused, retried] = server.requestsTo(podsPath, "watch");
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
    expect(scenario.statuses.some((s) => s.state === "stale" && s.reason?.includes(`answered ${status}`))).toBe(true);
  });

  test("backs off between repeated failures instead of hammering the server", async () => {
    const scenario = await startScenario({ pods: 1, timings: { backoff: { baseMs: 40, capMs: 400 } } });
    await untilLive(scenario);
    scenario.server.failNext(6, { status: 500, match: "watch" });
    scenario.server.endWatches();
    await untilLive(scenario);
    const watches = scenario.server.requestsTo(podsPath, "watch");
    expect(watches).toHaveLength(8);
    // Full jitter: each wait is random, but six doubling bounds (40..400ms, capped) sum to well over zero.
    expect(watches[7]!.at - watches[1]!.at).toBeGreaterThan(100);
  });

  test("stops promptly even while waiting out a long Retry-After", async () => {
    const scenario = await startScenario({ pods: 1 });
    await untilLive(scenario);
    scenario.server.failNext(1, { status: 429, retryAfter: 60, match: "watch" });
    scenario.server.endWatches();
    await vi.waitFor(() => expect(scenario.informer.status().state).toBe("stale"), waitLong);
    const started = Date.now();
    await scenario.informer.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
