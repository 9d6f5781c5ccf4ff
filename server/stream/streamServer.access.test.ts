import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { AccessService } from "../access/accessService";
import type { Person } from "../auth/person";
import { startTestServer } from "../demo-cluster/http/testing/testServer";
import { seedRbac } from "../demo-cluster/simulation/seed/rbac";
import { connectToTestServer } from "../kube/testing/fakeConnection";
import type { ResourceKind } from "../kube/resources";
import type { KubeObject } from "../kube/types";
import { createStreamServer, type StreamServer, type StreamServerDeps } from "./streamServer";
import type { ListScope, StreamAccess } from "./streamAccess";
import { FakeCache, fakePod } from "./testing/fakeCache";
import { TestClient } from "./testing/testClient";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** Scopes the test sets per kind; a kind it did not set may not be listed at all. */
class FakeAccess implements StreamAccess {
  readonly scopes = new Map<ResourceKind, ListScope>();
  asked = 0;
  async listScope(kind: ResourceKind): Promise<ListScope> {
    this.asked++;
    await new Promise((resolve) => setTimeout(resolve, 1));
    return this.scopes.get(kind) ?? { all: false, namespaces: new Set() };
  }
}

const only = (...namespaces: string[]): ListScope => ({ all: false, namespaces: new Set(namespaces) });
const dev: Person = { name: "dev", groups: [], via: "session", readOnly: false, sessionId: "s1" };

async function start(access: FakeAccess, options: Partial<StreamServerDeps> = {}, person: Person = dev): Promise<{ cache: FakeCache; stream: StreamServer; url: string }> {
  const cache = new FakeCache();
  const stream = createStreamServer({ cache, coalesceMs: 0, authorize: () => ({ ok: true, person }), accessFor: () => access, ...options });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  return { cache, stream, url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream` };
}

async function connect(url: string): Promise<TestClient> {
  const client = await TestClient.connect(url);
  cleanups.push(() => client.close());
  return client;
}

const names = (items: readonly KubeObject[]) => items.map((o) => o.metadata.name).sort();

describe("stream filtered per person", () => {
  test("a person with cluster-wide list gets everything, and the status message as before", async () => {
    const access = new FakeAccess();
    access.scopes.set("pods", { all: true });
    const { cache, url } = await start(access);
    cache.seed("pods", [fakePod("a", "shop"), fakePod("b", "batch")]);
    cache.setStatus({ kind: "pods", state: "live", resourceVersion: "7" });
    const client = await connect(url);
    expect((await client.next("status")).kinds).toEqual([expect.objectContaining({ kind: "pods", count: 2 })]);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    expect(names((await client.next("snapshot")).items)).toEqual(["a", "b"]);
    cache.apply([{ type: "ADDED", kind: "pods", object: fakePod("c", "batch") }]);
    expect((await client.next("delta")).changes.map((c) => c.object.metadata.name)).toEqual(["c"]);
  });

  test("snapshots and deltas hold only the namespaces the person may list", async () => {
    const access = new FakeAccess();
    access.scopes.set("pods", only("shop"));
    const { cache, url } = await start(access);
    cache.seed("pods", [fakePod("a", "shop"), fakePod("b", "batch"), fakePod("c", "kube-system")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    expect(names((await client.next("snapshot")).items)).toEqual(["a"]);
    client.send({ type: "subscribe", id: "in-shop", resource: "pods", namespace: "shop" });
    expect(names((await client.next("snapshot")).items)).toEqual(["a"]);
    cache.apply([
      { type: "ADDED", kind: "pods", object: fakePod("x", "batch") },
      { type: "ADDED", kind: "pods", object: fakePod("y", "shop") },
      { type: "DELETED", kind: "pods", object: fakePod("c", "kube-system") },
    ]);
    const deltas = [await client.next("delta"), await client.next("delta")];
    for (const delta of deltas) expect(delta.changes.map((c) => c.object.metadata.name)).toEqual(["y"]);
  });

  test("a subscription the person may not list is answered with an error, and its id can be used again", async () => {
    const access = new FakeAccess();
    access.scopes.set("pods", only("shop"));
    const { url } = await start(access);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods", namespace: "kube-system" });
    expect(await client.next("error")).toEqual({ type: "error", id: "p", message: "you may not list pods in namespace kube-system" });
    client.send({ type: "subscribe", id: "n", resource: "nodes" });
    expect(await client.next("error")).toEqual({ type: "error", id: "n", message: "you may not list nodes" });
    client.send({ type: "subscribe", id: "s", resource: "services" });
    expect(await client.next("error")).toEqual({ type: "error", id: "s", message: "you may not list services in any namespace" });
    client.send({ type: "subscribe", id: "p", resource: "pods", namespace: "shop" });
    expect((await client.next("snapshot")).id).toBe("p");
  });

  test("Namespace objects are filtered by name", async () => {
    const access = new FakeAccess();
    access.scopes.set("namespaces", only("shop"));
    const { cache, url } = await start(access);
    cache.seed("namespaces", [{ metadata: { name: "shop", uid: "n1" } }, { metadata: { name: "kube-system", uid: "n2" } }]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "ns", resource: "namespaces" });
    expect(names((await client.next("snapshot")).items)).toEqual(["shop"]);
    cache.apply([
      { type: "MODIFIED", kind: "namespaces", object: { metadata: { name: "kube-system", uid: "n2", labels: { a: "b" } } } },
      { type: "MODIFIED", kind: "namespaces", object: { metadata: { name: "shop", uid: "n1", labels: { a: "b" } } } },
    ]);
    expect((await client.next("delta")).changes.map((c) => c.object.metadata.name)).toEqual(["shop"]);
  });

  test("when access changes, subscriptions get a resync and a fresh snapshot, or an error once nothing is left", async () => {
    const access = new FakeAccess();
    access.scopes.set("pods", only("shop"));
    const { cache, url } = await start(access, { accessRefreshMs: 30 });
    cache.seed("pods", [fakePod("a", "shop"), fakePod("b", "batch")]);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    expect(names((await client.next("snapshot")).items)).toEqual(["a"]);
    access.scopes.set("pods", only("shop", "batch"));
    expect(await client.next("resync")).toEqual({ type: "resync", id: "p", reason: "your access changed; a fresh snapshot follows" });
    expect(names((await client.next("snapshot")).items)).toEqual(["a", "b"]);
    access.scopes.set("pods", only());
    expect(await client.next("error")).toEqual({ type: "error", id: "p", message: "you may not list pods in any namespace" });
    cache.apply([{ type: "ADDED", kind: "pods", object: fakePod("late", "shop") }]);
    client.send({ type: "ping" });
    await client.next("pong");
    expect(client.messages.filter((m) => m.type === "delta")).toEqual([]);
  });

  test("unsubscribing while access is being checked sends nothing", async () => {
    const access = new FakeAccess();
    access.scopes.set("pods", { all: true });
    const { url } = await start(access);
    const client = await connect(url);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    client.send({ type: "unsubscribe", id: "p" });
    await new Promise((resolve) => setTimeout(resolve, 30));
    client.send({ type: "ping" });
    await client.next("pong");
    expect(client.messages.filter((m) => m.type === "snapshot" || m.type === "error")).toEqual([]);
  });

  test("access is asked once per kind and connection until the refresh", async () => {
    const access = new FakeAccess();
    access.scopes.set("pods", { all: true });
    const { url } = await start(access);
    const client = await connect(url);
    for (const id of ["a", "b", "c"]) {
      client.send({ type: "subscribe", id, resource: "pods" });
      await client.next("snapshot");
    }
    expect(access.asked).toBe(1);
  });

  test("connections of a person can be closed, and an expired login closes its connection", async () => {
    const access = new FakeAccess();
    const { stream, url } = await start(access);
    const client = await connect(url);
    await client.next("status");
    expect(stream.closeConnectionsOf((p) => p.sessionId === "other", "logged out")).toBe(0);
    expect(stream.closeConnectionsOf((p) => p.sessionId === "s1", "logged out")).toBe(1);
    expect(await client.closed()).toEqual({ code: 4401, reason: "logged out" });
    const expiring = await start(access, {}, { ...dev, expiresAt: Date.now() + 50 });
    const late = await connect(expiring.url);
    expect(await late.closed()).toEqual({ code: 4401, reason: "login expired; log in again" });
  });
});

describe("stream filtered by the demo apiserver's RBAC", () => {
  test("dev (edit in shop) receives only shop's pods", async () => {
    const demo = await startTestServer();
    cleanups.push(() => demo.close());
    demo.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } });
    seedRbac(demo.store, Date.UTC(2025, 0, 1));
    const cache = new FakeCache();
    cache.seed("namespaces", ["default", "kube-system", "shop"].map((name) => ({ metadata: { name, uid: name } })));
    cache.seed("pods", [fakePod("web", "shop"), fakePod("coredns", "kube-system")]);
    const service = new AccessService({ connection: connectToTestServer(demo.client.baseUrl), namespaces: () => cache.list("namespaces").map((n) => n.metadata.name), mode: "impersonate" });
    const stream = createStreamServer({ cache, coalesceMs: 0, authorize: () => ({ ok: true, person: dev }), accessFor: (person) => service.accessFor(person) });
    const http: Server = createServer();
    http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
    cleanups.push(() => stream.close());
    const client = await connect(`ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream`);
    client.send({ type: "subscribe", id: "p", resource: "pods" });
    expect(names((await client.next("snapshot")).items)).toEqual(["web"]);
    client.send({ type: "subscribe", id: "k", resource: "pods", namespace: "kube-system" });
    expect(await client.next("error")).toMatchObject({ id: "k", message: "you may not list pods in namespace kube-system" });
    client.send({ type: "subscribe", id: "ns", resource: "namespaces" });
    expect(names((await client.next("snapshot")).items)).toEqual(["shop"]);
  });
});
