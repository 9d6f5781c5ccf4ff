import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createStreamServer, type StreamServer, type StreamServerDeps } from "./streamServer";
import { clusterWideViewer } from "./testing/clusterWideViewer";
import { FakeCache, fakePod } from "./testing/fakeCache";
import { TestClient } from "./testing/testClient";
import type { KubeObject } from "../kube/types";

interface Harness {
  cache: FakeCache;
  stream: StreamServer;
  url: string;
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function start(options: Partial<Omit<StreamServerDeps, "cache">> = {}, cache = new FakeCache()): Promise<Harness> {
  const stream = createStreamServer({ cache, coalesceMs: 0, ...clusterWideViewer(), ...options });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  const { port } = http.address() as AddressInfo;
  return { cache, stream, url: `ws://127.0.0.1:${port}/api/stream` };
}

async function connect(url: string): Promise<TestClient> {
  const client = await TestClient.connect(url);
  cleanups.push(() => client.close());
  await client.next("status");
  return client;
}

const names = (items: readonly KubeObject[]) => items.map((o) => o.metadata.name).sort();

describe("stream server", () => {
  test("will not start without an authorize function, so no socket is served without a person", () => {
    expect(() => createStreamServer({ cache: new FakeCache() } as unknown as StreamServerDeps)).toThrow(/needs an authorize function/);
  });

  test("sends a snapshot of the subscribed kind, then deltas", async () => {
    const { cache, url } = await start();
    cache.seed("pods", [fakePod("a", "shop", { managedFields: [{ manager: "kubelet" }] }), fakePod("b", "batch")]);
    cache.setStatus({ kind: "pods", state: "live", resourceVersion: "42" });
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    const snapshot = await client.next("snapshot");
    expect(snapshot).toMatchObject({ id: "p", resourceVersion: "42" });
    expect(names(snapshot.items)).toEqual(["a", "b"]);
    expect(snapshot.items.every((o) => !("managedFields" in o.metadata))).toBe(true);

    const added = fakePod("c", "shop");
    cache.apply([{ type: "ADDED", kind: "pods", object: added }]);
    const delta = await client.next("delta");
    expect(delta).toEqual({ type: "delta", id: "p", changes: [{ type: "ADDED", object: added }] });
  });

  test("coalesces changes of one window into one delta per subscription", async () => {
    const { cache, url } = await start({ coalesceMs: 30 });
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    await client.next("snapshot");
    const pod = fakePod("a", "shop");
    cache.apply([{ type: "ADDED", kind: "pods", object: pod }]);
    cache.apply([{ type: "MODIFIED", kind: "pods", object: { ...pod, status: { phase: "Failed" } } }]);
    cache.apply([{ type: "ADDED", kind: "pods", object: fakePod("b", "shop") }]);
    const delta = await client.next("delta");
    expect(delta.changes.map((c) => [c.type, c.object.metadata.name, (c.object.status as { phase: string }).phase])).toEqual([
      ["ADDED", "a", "Failed"],
      ["ADDED", "b", "Running"],
    ]);
  });

  test("filters snapshot and deltas by namespace", async () => {
    const { cache, url } = await start();
    cache.seed("pods", [fakePod("a", "shop"), fakePod("b", "batch")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "shop-pods", resource: "pods", namespace: "shop" });
    expect(names((await client.next("snapshot")).items)).toEqual(["a"]);
    cache.apply([
      { type: "ADDED", kind: "pods", object: fakePod("x", "batch") },
      { type: "ADDED", kind: "pods", object: fakePod("y", "shop") },
    ]);
    const delta = await client.next("delta");
    expect(delta.changes.map((c) => c.object.metadata.name)).toEqual(["y"]);
  });

  test("a namespace does not hide cluster-scoped kinds", async () => {
    const { cache, url } = await start();
    cache.seed("nodes", [{ metadata: { name: "node-1", uid: "n1" } }]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "n", resource: "nodes", namespace: "shop" });
    expect(names((await client.next("snapshot")).items)).toEqual(["node-1"]);
  });

  test("stops deltas after unsubscribe", async () => {
    const { cache, url } = await start();
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    await client.next("snapshot");
    client.send({ type: "unsubscribe", id: "p" });
    client.send({ type: "ping" });
    await client.next("pong");
    cache.apply([{ type: "ADDED", kind: "pods", object: fakePod("late", "shop") }]);
    client.send({ type: "ping" });
    await client.next("pong");
    expect(client.messages.filter((m) => m.type === "delta")).toEqual([]);
  });

  test("answers bad messages with an error and keeps the connection", async () => {
    const { url } = await start();
    const client = await connect(url);
    client.send("not json");
    expect((await client.next("error")).message).toMatch(/^message is not valid JSON/);
    client.send({ type: "launch", id: "x" });
    expect(await client.next("error")).toMatchObject({ id: "x", message: expect.stringMatching(/unknown message type "launch"/) });
    client.send({ type: "subscribe", id: "s", resource: "secrets" });
    expect(await client.next("error")).toMatchObject({ id: "s", message: expect.stringMatching(/unknown resource "secrets"/) });
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    client.send({ type: "subscribe", id: "p", resource: "nodes" });
    expect(await client.next("error")).toMatchObject({ id: "p", message: expect.stringMatching(/already in use/) });
    client.send({ type: "unsubscribe", id: "nope" });
    expect((await client.next("error")).message).toMatch(/no subscription "nope"/);
    client.send({ type: "ping" });
    await client.next("pong");
    expect(client.closeEvent).toBeUndefined();
  });

  test("closes a connection that sends more than 64 KiB in one message", async () => {
    const { url } = await start();
    const client = await connect(url);
    client.send({ type: "ping", padding: "x".repeat(70 * 1024) });
    expect((await client.closed()).code).toBe(1009);
  });

  test("sends statuses on connect and when a kind's state changes, not on every resourceVersion", async () => {
    const { cache, url } = await start();
    cache.setStatus({ kind: "pods", state: "live", resourceVersion: "1" });
    const client = await TestClient.connect(url);
    cleanups.push(() => client.close());
    expect((await client.next("status")).kinds).toEqual([{ kind: "pods", state: "live", resourceVersion: "1", apiserver: cache.apiserver, count: 0 }]);
    cache.setStatus({ kind: "pods", state: "live", resourceVersion: "2" });
    cache.setStatus({ kind: "pods", state: "stale", reason: "watch stalled for 30s; reconnecting" });
    const status = await client.next("status");
    expect(status.kinds).toEqual([expect.objectContaining({ kind: "pods", state: "stale", reason: "watch stalled for 30s; reconnecting" })]);
    client.send({ type: "ping" });
    await client.next("pong");
    expect(client.messages.filter((m) => m.type === "status")).toEqual([]);
  });

  test("refuses an upgrade that authorize rejects", async () => {
    const { url, stream } = await start({ authorize: () => ({ ok: false, status: 401, reason: "Unauthorized" }) });
    await expect(TestClient.connect(url)).rejects.toThrow(/401/);
    expect(stream.clientCount()).toBe(0);
  });

  test("drops a client that stops answering pings, keeps one that answers", async () => {
    const { url, stream } = await start({ pingIntervalMs: 40 });
    const silent = await connect(url);
    const answering = await connect(url);
    silent.pauseReading();
    const deadline = Date.now() + 5000;
    while (stream.clientCount() > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.clientCount()).toBe(1);
    answering.send({ type: "ping" });
    await answering.next("pong");
  });

  test("counts clients and closes them when the server closes", async () => {
    const { url, stream } = await start();
    const client = await connect(url);
    expect(stream.clientCount()).toBe(1);
    await stream.close();
    expect((await client.closed()).code).toBe(1001);
    expect(stream.clientCount()).toBe(0);
  });
});
