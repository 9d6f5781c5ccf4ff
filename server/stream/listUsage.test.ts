import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { everywhere, noUsage } from "../access/types";
import type { Person } from "../auth/person";
import type { UsageLookup, UsageSource } from "../kube/usage/usageLookup";
import { host, pod, usageSamples } from "../topology/testing/fixtures";
import { createStreamServer } from "./streamServer";
import { FakeCache } from "./testing/fakeCache";
import { MetricsRightsViewer } from "./testing/metricsRightsViewer";
import { TestClient } from "./testing/testClient";

// The lists' CPU and memory: the poller's samples, filtered per person with the map's rule.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** Samples a test swaps and announces, as the poller does after a poll. */
class FakeUsage implements UsageSource {
  readonly listeners = new Set<() => void>();
  constructor(public current: UsageLookup) {}
  lookup = (): UsageLookup => this.current;
  status = () => ({ state: "available" as const });
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  announce(next: UsageLookup): void {
    this.current = next;
    this.listeners.forEach((listener) => listener());
  }
}

const people: Record<string, MetricsRightsViewer> = {
  ops: new MetricsRightsViewer({ pods: everywhere, nodes: true }),
  dev: new MetricsRightsViewer({ pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false }),
  pat: new MetricsRightsViewer(noUsage),
};
const MiB = 2 ** 20;

async function start(usage: FakeUsage | undefined, accessRefreshMs?: number): Promise<string> {
  const cache = new FakeCache();
  cache.seed("pods", [pod("a", "shop", { node: "n1" }), pod("b", "batch", { node: "n1" })]);
  cache.seed("nodes", [host("n1")]);
  const stream = createStreamServer({
    cache,
    coalesceMs: 0,
    ...(usage ? { usage } : {}),
    ...(accessRefreshMs ? { accessRefreshMs } : {}),
    authorize: (req) => {
      const name = new URL(req.url ?? "/", "http://x").searchParams.get("as") ?? "ops";
      const person: Person = { name, groups: [], via: "session", readOnly: false, sessionId: name };
      return { ok: true, person };
    },
    accessFor: (person) => people[person.name]!,
  });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream`;
}

async function connectAs(url: string, name: string): Promise<TestClient> {
  const client = await TestClient.connect(`${url}?as=${name}`);
  cleanups.push(() => client.close());
  return client;
}

const samples = () => usageSamples({ "shop/a": [120, 150 * MiB], "batch/b": [300, 400 * MiB] }, { n1: [900, 1024 * MiB] });

describe("usage in the lists", () => {
  test("a person with every metrics right gets pods' and nodes' CPU and memory, and a fresh frame after each poll", async () => {
    const usage = new FakeUsage(samples());
    const client = await connectAs(await start(usage), "ops");
    client.send({ type: "subscribe", id: "u", resource: "usage" });
    const first = await client.next("usage");
    expect(first).toEqual({ type: "usage", id: "u", pods: { "shop/a": [120, 150 * MiB], "batch/b": [300, 400 * MiB] }, nodes: { n1: [900, 1024 * MiB] }, visible: { pods: true, nodes: true } });
    usage.announce(usageSamples({ "shop/a": [250, 160 * MiB] }, { n1: [1000, 1024 * MiB] }));
    const second = await client.next("usage");
    expect(second.pods).toEqual({ "shop/a": [250, 160 * MiB] });
    expect(second.nodes).toEqual({ n1: [1000, 1024 * MiB] });
  });

  test("a person sees usage only where they may list pods.metrics.k8s.io, and no node usage without nodes.metrics.k8s.io", async () => {
    const url = await start(new FakeUsage(samples()));
    const dev = await connectAs(url, "dev");
    dev.send({ type: "subscribe", id: "u", resource: "usage" });
    expect(await dev.next("usage")).toMatchObject({ pods: { "shop/a": [120, 150 * MiB] }, nodes: {}, visible: { pods: ["shop"], nodes: false } });
    dev.send({ type: "subscribe", id: "batch", resource: "usage", namespace: "batch" });
    expect((await dev.next("usage", 5000, (m) => m.id === "batch")).pods).toEqual({});
    const pat = await connectAs(url, "pat");
    pat.send({ type: "subscribe", id: "u", resource: "usage" });
    expect(await pat.next("usage")).toMatchObject({ pods: {}, nodes: {}, visible: { pods: [], nodes: false } });
  });

  test("a namespace subscription carries that namespace's pods only", async () => {
    const client = await connectAs(await start(new FakeUsage(samples())), "ops");
    client.send({ type: "subscribe", id: "u", resource: "usage", namespace: "batch" });
    expect((await client.next("usage")).pods).toEqual({ "batch/b": [300, 400 * MiB] });
  });

  test("the Nodes list asks for nodes' samples only, the Pods list for pods' only", async () => {
    const client = await connectAs(await start(new FakeUsage(samples())), "ops");
    client.send({ type: "subscribe", id: "n", resource: "usage", only: "nodes" });
    expect(await client.next("usage")).toMatchObject({ pods: {}, nodes: { n1: [900, 1024 * MiB] } });
    client.send({ type: "subscribe", id: "p", resource: "usage", only: "pods", namespace: "shop" });
    expect(await client.next("usage")).toMatchObject({ pods: { "shop/a": [120, 150 * MiB] }, nodes: {} });
  });

  test("losing the metrics right takes the samples away at the next access check", async () => {
    const access = new MetricsRightsViewer({ pods: everywhere, nodes: true });
    people.revoked = access;
    const client = await connectAs(await start(new FakeUsage(samples()), 50), "revoked");
    client.send({ type: "subscribe", id: "u", resource: "usage" });
    expect(Object.keys((await client.next("usage")).pods)).toHaveLength(2);
    access.usage = noUsage;
    expect(await client.next("usage")).toMatchObject({ pods: {}, nodes: {}, visible: { pods: [], nodes: false } });
  });

  test("without a usage poller the frame says why there is no usage", async () => {
    const client = await connectAs(await start(undefined), "ops");
    client.send({ type: "subscribe", id: "u", resource: "usage" });
    expect((await client.next("usage")).unavailable).toMatch(/metrics API/);
    client.send({ type: "unsubscribe", id: "u" });
    client.send({ type: "unsubscribe", id: "u" });
    expect((await client.next("error")).message).toMatch(/no subscription "u"/);
  });
});
