import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import type { Person } from "../auth/person";
import type { ResourceKind } from "../kube/resources";
import { createStreamServer, type StreamServerDeps } from "../stream/streamServer";
import { clusterWideViewer } from "../stream/testing/clusterWideViewer";
import type { ListScope, StreamAccess } from "../stream/streamAccess";
import { FakeCache } from "../stream/testing/fakeCache";
import { TestClient } from "../stream/testing/testClient";
import type { UsageLookup, UsageSource } from "../kube/usage/usageLookup";
import { host, pod, uidOf, usageSamples } from "./testing/fixtures";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function start(options: Partial<Omit<StreamServerDeps, "cache">> = {}): Promise<{ cache: FakeCache; url: string }> {
  const cache = new FakeCache();
  const stream = createStreamServer({ cache, coalesceMs: 0, ...clusterWideViewer(), ...options });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  return { cache, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream` };
}

async function connect(url: string): Promise<TestClient> {
  const client = await TestClient.connect(url);
  cleanups.push(() => client.close());
  return client;
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe("topology subscriptions", () => {
  test("a snapshot of the view, then a pod added in the cache arrives as a delta within a second", async () => {
    const { cache, url } = await start();
    const first = pod("a", "shop", { node: "n1" });
    cache.seed("pods", [first]);
    cache.seed("nodes", [host("n1")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods" });
    const snapshot = await client.next("topology-snapshot");
    expect(snapshot).toEqual({
      type: "topology-snapshot",
      id: "map",
      nodes: expect.arrayContaining([expect.objectContaining({ id: uidOf(first), kind: "Pod", status: "running", node: "n1" })]),
      edges: [{ id: `scheduled:${uidOf(first)}:node-n1`, source: uidOf(first), target: "node-n1", kind: "scheduled" }],
    });
    expect(ids(snapshot.nodes)).toEqual(["node-n1", uidOf(first)].sort());

    const added = pod("b", "shop", { node: "n1" });
    const sentAt = Date.now();
    cache.apply([{ type: "ADDED", kind: "pods", object: added }]);
    const delta = await client.next("topology-delta", 1000);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(delta.upserted.map((n) => n.id).sort()).toEqual(["node-n1", uidOf(added)].sort());
    expect(delta.edgesUpserted.map((e) => e.id)).toEqual([`scheduled:${uidOf(added)}:node-n1`]);
    expect(delta.removed).toEqual([]);

    cache.apply([{ type: "DELETED", kind: "pods", object: first }]);
    const removal = await client.next("topology-delta", 1000);
    expect(removal.removed).toEqual([uidOf(first)]);
    expect(removal.edgesRemoved).toEqual([`scheduled:${uidOf(first)}:node-n1`]);
  });

  test("changes within a frame are coalesced into one delta", async () => {
    const { cache, url } = await start({ topology: { frameMs: 200 } });
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods" });
    await client.next("topology-snapshot");
    for (let i = 0; i < 5; i++) cache.apply([{ type: "ADDED", kind: "pods", object: pod(`p${i}`, "shop") }]);
    const delta = await client.next("topology-delta", 1000);
    expect(delta.upserted).toHaveLength(5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.messages.filter((m) => m.type === "topology-delta")).toEqual([]);
  });

  test("a namespace filter limits snapshot and deltas", async () => {
    const { cache, url } = await start();
    cache.seed("pods", [pod("a", "shop"), pod("b", "batch")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods", namespaces: ["shop"] });
    expect(ids((await client.next("topology-snapshot")).nodes)).toEqual([uidOf(pod("a", "shop"))]);
    cache.apply([{ type: "ADDED", kind: "pods", object: pod("c", "batch") }]);
    cache.apply([{ type: "ADDED", kind: "pods", object: pod("d", "shop") }]);
    const delta = await client.next("topology-delta", 1000);
    expect(ids(delta.upserted)).toEqual([uidOf(pod("d", "shop"))]);
  });

  test("a large cache gives an aggregated snapshot that says why", async () => {
    const { cache, url } = await start({ topology: { threshold: 100 } });
    cache.seed("pods", Array.from({ length: 1000 }, (_, i) => pod(`p${i}`, `ns${i % 4}`)));
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods", expand: ["group:namespace:ns1"] });
    const snapshot = await client.next("topology-snapshot");
    expect(snapshot.aggregated).toMatchObject({ by: "namespace", total: 1000 });
    expect(snapshot.nodes.filter((n) => n.kind === "Group").map((n) => [n.id, n.group?.count])).toEqual(
      expect.arrayContaining([["group:namespace:ns0", 250], ["group:namespace:ns2", 250], ["group:namespace:ns3", 250]]),
    );
    expect(snapshot.nodes.filter((n) => n.namespace === "ns1" && n.kind === "Pod")).toHaveLength(250);
  });

  test("refuses an unknown view and a reused id", async () => {
    const { url } = await start();
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "galaxy" });
    expect((await client.next("error")).message).toMatch(/invalid subscribe message: "view"/);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "hosts" });
    await client.next("topology-snapshot");
    client.send({ type: "subscribe", id: "map", resource: "pods" });
    expect((await client.next("error")).message).toMatch(/already in use/);
  });
});

/** Usage a test swaps and announces, as the poller does after a poll. */
class FakeUsage implements UsageSource {
  readonly listeners = new Set<() => void>();
  constructor(public current: UsageLookup) {}
  lookup(): UsageLookup {
    return this.current;
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  announce(next: UsageLookup): void {
    this.current = next;
    this.listeners.forEach((listener) => listener());
  }
}

describe("topology usage", () => {
  test("pods carry CPU and memory, and a poll that changes them sends a delta to open views", async () => {
    const usage = new FakeUsage(usageSamples({ "shop/a": [120, 150 * 2 ** 20] }, { n1: [900, 2 ** 30] }));
    const { cache, url } = await start({ usage });
    cache.seed("pods", [pod("a", "shop", { node: "n1" }), pod("b", "shop", { node: "n1" })]);
    cache.seed("nodes", [host("n1")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods" });
    const snapshot = await client.next("topology-snapshot");
    const metricsOf = (nodes: { id: string; metrics?: unknown }[], id: string) => nodes.find((n) => n.id === id)?.metrics;
    expect(metricsOf(snapshot.nodes, uidOf(pod("a", "shop")))).toEqual({ cpuMillicores: 120, memoryBytes: 150 * 2 ** 20, restarts: 0 });
    expect(metricsOf(snapshot.nodes, uidOf(pod("b", "shop")))).toEqual({ restarts: 0 });
    expect(metricsOf(snapshot.nodes, "node-n1")).toEqual({ cpuMillicores: 900, memoryBytes: 2 ** 30, restarts: 0 });

    usage.announce(usageSamples({ "shop/a": [120, 150 * 2 ** 20], "shop/b": [10, 20 * 2 ** 20] }, { n1: [900, 2 ** 30] }));
    const delta = await client.next("topology-delta", 1000);
    expect(delta.upserted).toEqual([expect.objectContaining({ id: uidOf(pod("b", "shop")), metrics: { cpuMillicores: 10, memoryBytes: 20 * 2 ** 20, restarts: 0 } })]);
  });

  test("closing the stream server stops listening to usage", async () => {
    const usage = new FakeUsage(usageSamples({}));
    await start({ usage });
    expect(usage.listeners.size).toBe(1);
    await cleanups.pop()!();
    expect(usage.listeners.size).toBe(0);
  });
});

class FakeAccess implements StreamAccess {
  constructor(private readonly scopes: Partial<Record<ResourceKind, ListScope>>) {}
  async listScope(kind: ResourceKind): Promise<ListScope> {
    return this.scopes[kind] ?? { all: false, namespaces: new Set() };
  }
}

describe("topology filtered per person", () => {
  test("the graph holds only what the person may list", async () => {
    const person: Person = { name: "dev", groups: [], via: "session", readOnly: false, sessionId: "s1" };
    const access = new FakeAccess({ pods: { all: false, namespaces: new Set(["shop"]) } });
    const { cache, url } = await start({ authorize: () => ({ ok: true, person }), accessFor: () => access });
    cache.seed("pods", [pod("a", "shop", { node: "n1" }), pod("b", "secret", { node: "n1" })]);
    cache.seed("nodes", [host("n1")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods" });
    const snapshot = await client.next("topology-snapshot");
    // Hosts are not listable for this person, so the pod's host and its edge are absent too.
    expect(ids(snapshot.nodes)).toEqual([uidOf(pod("a", "shop"))]);
    expect(snapshot.edges).toEqual([]);
    cache.apply([{ type: "ADDED", kind: "pods", object: pod("c", "secret") }]);
    cache.apply([{ type: "ADDED", kind: "pods", object: pod("d", "shop") }]);
    expect(ids((await client.next("topology-delta", 1000)).upserted)).toEqual([uidOf(pod("d", "shop"))]);
  });
});
