import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createStreamServer, type StreamServer, type StreamServerDeps } from "./streamServer";
import { clusterWideViewer } from "./testing/clusterWideViewer";
import { FakeCache, fakePod } from "./testing/fakeCache";
import { TestClient } from "./testing/testClient";
import type { CacheChangeView } from "./cacheView";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function start(options: Partial<Omit<StreamServerDeps, "cache">>): Promise<{ cache: FakeCache; stream: StreamServer; url: string }> {
  const cache = new FakeCache();
  const stream = createStreamServer({ cache, coalesceMs: 0, ...clusterWideViewer(), ...options });
  const http = createServer();
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  return { cache, stream, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream` };
}

const padding = "x".repeat(8 * 1024);
const podCount = 50;

// Each round rewrites every pod with 8 KiB of annotations: ~400 KiB per round on the wire.
function round(i: number): CacheChangeView[] {
  return Array.from({ length: podCount }, (_, j) => ({
    type: "MODIFIED" as const,
    kind: "pods" as const,
    object: fakePod(`p${j}`, "shop", { uid: `uid-${j}`, resourceVersion: String(i), annotations: { padding } }),
  }));
}

/** Sends `rounds` rounds of changes, one flush each, to a client that is not reading. */
async function flood(cache: FakeCache, rounds: number): Promise<void> {
  for (let i = 1; i <= rounds; i++) {
    cache.apply(round(i));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function subscribedClient(url: string): Promise<TestClient> {
  const client = await TestClient.connect(url);
  cleanups.push(() => client.close());
  client.send({ type: "subscribe", id: "p", resource: "pods" });
  await client.next("snapshot");
  return client;
}

describe("stream flow control", () => {
  test("a client that stops reading loses deltas, then gets a resync and a current snapshot", async () => {
    const { cache, url } = await start({ maxBufferedBytes: 256 * 1024, limits: { hardBufferedBytes: 1024 ** 3, drainCheckMs: 20 } });
    const client = await subscribedClient(url);
    client.pauseReading();
    const rounds = 100;
    await flood(cache, rounds);
    client.resumeReading();

    const resync = await client.next("resync", 15_000);
    expect(resync).toMatchObject({ id: "p", reason: expect.stringMatching(/fell behind/) });
    const snapshot = await client.next("snapshot", 15_000);
    expect(snapshot.items).toHaveLength(podCount);
    expect(new Set(snapshot.items.map((o) => o.metadata.resourceVersion))).toEqual(new Set([String(rounds)]));
    const deltasBeforeResync = client.messages.filter((m) => m.type === "delta").length;
    expect(deltasBeforeResync).toBeLessThan(rounds);

    // After the resync the client is live again.
    cache.apply([{ type: "ADDED", kind: "pods", object: fakePod("fresh", "shop") }]);
    const delta = await client.next("delta", 5000, (d) => d.changes.some((c) => c.object.metadata.name === "fresh"));
    expect(delta.id).toBe("p");
  });

  test("a client that stops reading while changes flow is closed with 1013, never holding more than the hard bound", async () => {
    const hardBufferedBytes = 1024 * 1024;
    const { cache, stream, url } = await start({
      maxBufferedBytes: 64 * 1024,
      limits: { hardBufferedBytes, slowClientTimeoutMs: 300, drainCheckMs: 20 },
    });
    const client = await subscribedClient(url);
    client.pauseReading();
    let peak = 0;
    for (let i = 1; i <= 60; i++) {
      cache.apply(round(i));
      await new Promise((resolve) => setImmediate(resolve));
      peak = Math.max(peak, stream.unreadBytes());
    }
    expect(peak).toBeLessThanOrEqual(hardBufferedBytes);
    const deadline = Date.now() + 10_000;
    while (stream.clientCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.clientCount()).toBe(0);
    client.resumeReading();
    const closed = await client.closed(10_000);
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/client too slow: stopped reading/);
  });

  test("a snapshot larger than the hard bound is refused with an error naming the bound, and the connection stays usable", async () => {
    const { cache, url } = await start({ maxBufferedBytes: 64 * 1024, limits: { hardBufferedBytes: 256 * 1024 } });
    cache.seed("pods", Array.from({ length: 50 }, (_, j) => fakePod(`big-${j}`, "shop", { annotations: { padding } })));
    cache.seed("nodes", [{ apiVersion: "v1", kind: "Node", metadata: { name: "n1", uid: "n1" } }]);
    const client = await TestClient.connect(url);
    cleanups.push(() => client.close());
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    const error = await client.next("error");
    expect(error).toMatchObject({ id: "p", message: expect.stringMatching(/snapshot of pods is 0\.4 MiB, more than one connection may hold unread \(0\.3 MiB\); subscribe to one namespace/) });
    client.send({ type: "subscribe", id: "n", resource: "nodes" });
    expect((await client.next("snapshot")).items).toHaveLength(1);
  });

  test("a reading client under heavy change keeps every update", async () => {
    const { cache, url } = await start({ maxBufferedBytes: 8 * 1024 * 1024 });
    const client = await subscribedClient(url);
    await flood(cache, 20);
    const last = await client.next("delta", 10_000, (d) => d.changes.some((c) => c.object.metadata.resourceVersion === "20"));
    expect(last.changes).toHaveLength(podCount);
    expect(client.messages.filter((m) => m.type === "resync")).toEqual([]);
  });

  test("a snapshot larger than the soft limit is not mistaken for falling behind", async () => {
    const { cache, url } = await start({ maxBufferedBytes: 64 * 1024, limits: { hardBufferedBytes: 1024 ** 3, drainCheckMs: 20 } });
    for (let batch = 0; batch < 10; batch++) cache.apply(round(0).map((c, j) => ({ ...c, object: fakePod(`big-${batch}-${j}`, "shop", { annotations: { padding } }) })));
    const client = await TestClient.connect(url);
    cleanups.push(() => client.close());
    client.pauseReading();
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // This change is flushed while most of the ~4 MiB snapshot still sits unread in the socket buffer.
    cache.apply([{ type: "ADDED", kind: "pods", object: fakePod("fresh", "shop") }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.resumeReading();
    await client.next("delta", 10_000, (d) => d.changes.some((c) => c.object.metadata.name === "fresh"));
    expect(client.messages.filter((m) => m.type === "resync")).toEqual([]);
  });

  test("a client that never reads and keeps subscribing and unsubscribing is closed, its unread bytes held under the hard bound", async () => {
    const hardBufferedBytes = 256 * 1024;
    const { cache, stream, url } = await start({ maxBufferedBytes: 64 * 1024, limits: { hardBufferedBytes, slowClientTimeoutMs: 300, drainCheckMs: 20 } });
    // A ~45 KiB snapshot per subscription: 400 of them would be ~18 MiB if snapshots raised the bound.
    cache.seed("pods", Array.from({ length: 20 }, (_, j) => fakePod(`p${j}`, "shop", { annotations: { padding: "x".repeat(2048) } })));
    const client = await TestClient.connect(url);
    cleanups.push(() => client.close());
    client.pauseReading();
    let peak = 0;
    for (let i = 0; i < 400 && stream.clientCount() > 0; i++) {
      client.send({ type: "subscribe", id: `s${i}`, resource: "pods" });
      client.send({ type: "unsubscribe", id: `s${i}` });
      await new Promise((resolve) => setImmediate(resolve));
      peak = Math.max(peak, stream.unreadBytes());
    }
    const deadline = Date.now() + 10_000;
    while (stream.clientCount() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.clientCount()).toBe(0);
    expect(peak).toBeLessThanOrEqual(hardBufferedBytes);
    client.resumeReading();
    const closed = await client.closed(10_000);
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/stopped reading/);
  });

  test("a map view asked for while the client is behind gets its snapshot once the client reads, not before", async () => {
    const { cache, stream, url } = await start({ maxBufferedBytes: 64 * 1024, limits: { hardBufferedBytes: 1024 ** 3, drainCheckMs: 20 } });
    for (let batch = 0; batch < 10; batch++) cache.apply(round(0).map((c, j) => ({ ...c, object: fakePod(`big-${batch}-${j}`, "shop", { annotations: { padding } }) })));
    const client = await TestClient.connect(url);
    cleanups.push(() => client.close());
    client.pauseReading();
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const behind = stream.unreadBytes();
    expect(behind).toBeGreaterThan(64 * 1024);
    client.send({ type: "subscribe", id: "t", resource: "topology", view: "pods" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nothing was added for the view while the pods snapshot sits unread.
    expect(stream.unreadBytes()).toBe(behind);
    client.resumeReading();
    await client.next("snapshot", 10_000);
    expect((await client.next("topology-snapshot", 10_000)).nodes.length).toBeGreaterThan(0);
  });
});

