import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ClusterCache, type CacheChange, type KindStatus } from "./cache";
import { kindInfo, type ResourceKind } from "./resources";
import { FaultyApiServer, testPod } from "./testing/faultyApiServer";
import { connectToTestServer } from "./testing/fakeConnection";
import type { InformerTimingOverrides } from "./timings";
import type { KubeObject } from "./types";

const kinds: ResourceKind[] = ["pods", "nodes", "events", "replicasets"];
const paths = Object.fromEntries(kinds.map((kind) => [kind, kindInfo(kind).listPath()])) as Record<ResourceKind, string>;
const timings: InformerTimingOverrides = { backoff: { baseMs: 20, capMs: 150 }, bookmarkIntervalMs: 1_000, minWatchMs: 20 };
const waitLong = { timeout: 8_000, interval: 20 };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function track(cache: ClusterCache, server?: FaultyApiServer): ClusterCache {
  cleanups.push(async () => {
    await cache.stop();
    await server?.close();
  });
  return cache;
}

async function populatedServer() {
  const server = await FaultyApiServer.start();
  for (const path of Object.values(paths)) server.addCollection(path);
  const rs = server.create(paths.replicasets, { metadata: { name: "web-abc", namespace: "shop", labels: { app: "web" } } });
  const owner = [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", uid: rs.metadata.uid!, controller: true }];
  server.create(paths.nodes, { metadata: { name: "node-1" } });
  const web1 = server.create(paths.pods, testPod("web-1", "shop", { metadata: { name: "web-1", namespace: "shop", labels: { app: "web", tier: "front" }, ownerReferences: owner }, spec: { nodeName: "node-1" } }));
  server.create(paths.pods, testPod("web-2", "shop", { metadata: { name: "web-2", namespace: "shop", labels: { app: "web", tier: "back" }, ownerReferences: owner }, spec: { nodeName: "node-2" } }));
  server.create(paths.pods, testPod("db-1", "data", { metadata: { name: "db-1", namespace: "data", labels: { app: "db" } }, spec: { nodeName: "node-1" } }));
  const event = (name: string, reason: string, lastTimestamp: string): KubeObject => ({ metadata: { name, namespace: "shop" }, involvedObject: { kind: "Pod", name: "web-1", uid: web1.metadata.uid }, reason, lastTimestamp });
  server.create(paths.events, event("web-1.b", "Started", "2024-05-01T10:00:09Z"));
  server.create(paths.events, event("web-1.a", "Scheduled", "2024-05-01T10:00:01Z"));
  return { server, rs, web1 };
}

const names = (objects: readonly KubeObject[]) => objects.map((o) => o.metadata.name).sort();

describe("ClusterCache", () => {
  test("syncs every kind and answers lookups from its indexes", async () => {
    const { server, rs, web1 } = await populatedServer();
    const cache = track(new ClusterCache(connectToTestServer(server.url), { kinds, timings }), server);
    cache.start();
    await cache.whenSynced();
    expect(names(cache.list("pods"))).toEqual(["db-1", "web-1", "web-2"]);
    expect(names(cache.list("pods", { namespace: "shop" }))).toEqual(["web-1", "web-2"]);
    expect(names(cache.list("pods", { labelSelector: { app: "web", tier: "back" } }))).toEqual(["web-2"]);
    expect(names(cache.list("pods", { namespace: "data", labelSelector: { app: "web" } }))).toEqual([]);
    expect(cache.get("pods", "shop", "web-1")?.metadata.uid).toBe(web1.metadata.uid);
    expect(cache.get("nodes", undefined, "node-1")?.kind).toBe("Node");
    expect(cache.byUid(rs.metadata.uid!)?.metadata.name).toBe("web-abc");
    expect(names(cache.byOwner(rs.metadata.uid!))).toEqual(["web-1", "web-2"]);
    expect(names(cache.podsOnNode("node-1"))).toEqual(["db-1", "web-1"]);
    expect(cache.eventsFor(web1.metadata.uid!).map((e) => e.reason)).toEqual(["Scheduled", "Started"]);
    const statuses = cache.statuses();
    expect(statuses.map((s) => [s.kind, s.state, s.count])).toEqual([["pods", "live", 3], ["nodes", "live", 1], ["events", "live", 2], ["replicasets", "live", 1]]);
    expect(statuses.every((s) => s.apiserver === server.url && s.syncedAt && s.resourceVersion)).toBe(true);
    expect(() => cache.list("ingresses")).toThrow(/does not watch ingresses/);
  });

  test("delivers a turn's changes as one batch and keeps the indexes current", async () => {
    const { server } = await populatedServer();
    const cache = track(new ClusterCache(connectToTestServer(server.url), { kinds, timings }), server);
    cache.start();
    await cache.whenSynced();
    await vi.waitFor(() => expect(server.openWatches()).toBe(kinds.length), waitLong);
    const batches: CacheChange[][] = [];
    cache.onChange((batch) => batches.push([...batch]));
    server.update(paths.pods, "shop", "web-1", (p) => {
      p.metadata.labels = { app: "web", tier: "back" };
      p.spec = { nodeName: "node-2" };
    });
    server.remove(paths.pods, "data", "db-1");
    server.create(paths.nodes, { metadata: { name: "node-2" } });
    await vi.waitFor(() => expect(batches.flat()).toHaveLength(3), waitLong);
    expect(batches.length).toBeLessThanOrEqual(2);
    expect(batches.flat().map((c) => `${c.type} ${c.kind} ${c.object.metadata.name}`).sort()).toEqual(["ADDED nodes node-2", "DELETED pods db-1", "MODIFIED pods web-1"]);
    expect(names(cache.podsOnNode("node-1"))).toEqual([]);
    expect(names(cache.podsOnNode("node-2"))).toEqual(["web-1", "web-2"]);
    expect(names(cache.list("pods", { labelSelector: { tier: "front" } }))).toEqual([]);
    expect(names(cache.list("pods", { labelSelector: { tier: "back" } }))).toEqual(["web-1", "web-2"]);
  });

  test("reports ECONNREFUSED with the URL while nothing listens, and goes live once a server appears", async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}`;
    const cache = track(new ClusterCache(connectToTestServer(url), { kinds: ["pods"], timings }));
    const seen: KindStatus[] = [];
    cache.onStatus((status) => seen.push(status));
    let synced = false;
    void cache.whenSynced().then(() => (synced = true));
    cache.start();
    await vi.waitFor(() => expect(cache.statuses()[0]?.state).toBe("error"), waitLong);
    expect(cache.statuses()[0]?.reason).toBe(`cannot reach the apiserver at ${url}: connection refused (ECONNREFUSED)`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(synced).toBe(false);
    const server = await FaultyApiServer.start(port);
    cleanups.push(() => server.close());
    server.addCollection(paths.pods);
    server.create(paths.pods, testPod("late-1"));
    await cache.whenSynced();
    expect(names(cache.list("pods"))).toEqual(["late-1"]);
    expect(seen.map((s) => s.state)).toEqual(["error", "live"]);
  });

  test("rejects whenSynced when stopped before every kind was listed", async () => {
    const server = await FaultyApiServer.start();
    server.addCollection(paths.pods);
    server.failNext(1_000, { status: 503, match: "list" });
    const cache = new ClusterCache(connectToTestServer(server.url), { kinds: ["pods", "nodes"], timings });
    cleanups.push(() => server.close());
    cache.start();
    await vi.waitFor(() => expect(cache.statuses()[0]?.state).toBe("error"), waitLong);
    await cache.stop();
    await expect(cache.whenSynced()).rejects.toThrow(/stopped before every kind was listed/);
  });

  test("shares frozen objects that a consumer cannot change", async () => {
    const { server } = await populatedServer();
    const cache = track(new ClusterCache(connectToTestServer(server.url), { kinds: ["pods"], timings }), server);
    cache.start();
    await cache.whenSynced();
    const pod = cache.get("pods", "shop", "web-1")!;
    expect(() => {
      pod.metadata.labels!.app = "hacked";
    }).toThrow(TypeError);
    expect(cache.get("pods", "shop", "web-1")?.metadata.labels?.app).toBe("web");
  });
});
