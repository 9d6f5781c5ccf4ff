import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { searchNodes } from "@/lib/search/match";
import { parseSearch } from "@/lib/search/parse";
import type { TopologyNode } from "@/lib/wire/topology";
import { everywhere, noUsage } from "../access/types";
import type { Person } from "../auth/person";
import { createStreamServer, type StreamServerDeps } from "../stream/streamServer";
import { FakeCache } from "../stream/testing/fakeCache";
import { MetricsRightsViewer } from "../stream/testing/metricsRightsViewer";
import { TestClient } from "../stream/testing/testClient";
import { host, pod, uidOf, usageSamples } from "./testing/fixtures";

// CPU and memory are polled with Orrery's identity: each person sees only what metrics.k8s.io would show them.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const people = {
  // May list pods and nodes, but neither pods.metrics.k8s.io nor nodes.metrics.k8s.io.
  pat: new MetricsRightsViewer(noUsage),
  // The same list scopes, with every metrics right.
  ops: new MetricsRightsViewer({ pods: everywhere, nodes: true }),
  // Pod metrics in shop only, no node metrics.
  dev: new MetricsRightsViewer({ pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false }),
};
type Name = keyof typeof people;

async function start(options: Partial<StreamServerDeps> = {}): Promise<string> {
  const cache = new FakeCache();
  cache.seed("pods", [pod("a", "shop", { node: "n1" }), pod("b", "batch", { node: "n1" })]);
  cache.seed("nodes", [host("n1")]);
  const usage = usageSamples({ "shop/a": [120, 150 * 2 ** 20], "batch/b": [300, 400 * 2 ** 20] }, { n1: [900, 2 ** 30] });
  const stream = createStreamServer({
    cache,
    coalesceMs: 0,
    usage: { lookup: () => usage, onChange: () => () => undefined },
    authorize: (req) => {
      const name = new URL(req.url ?? "/", "http://x").searchParams.get("as") as Name;
      const person: Person = { name, groups: [], via: "session", readOnly: false, sessionId: name };
      return { ok: true, person };
    },
    accessFor: (person) => people[person.name as Name],
    ...options,
  });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanups.push(() => stream.close());
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/api/stream`;
}

async function mapOf(url: string, name: Name): Promise<{ client: TestClient; nodes: TopologyNode[] }> {
  const client = await TestClient.connect(`${url}?as=${name}`);
  cleanups.push(() => client.close());
  client.send({ type: "subscribe", id: "map", resource: "topology", view: "pods" });
  return { client, nodes: (await client.next("topology-snapshot")).nodes };
}

const metricsOf = (nodes: TopologyNode[], id: string) => nodes.find((n) => n.id === id)?.metrics;
const podA = uidOf(pod("a", "shop"));
const podB = uidOf(pod("b", "batch"));

function matches(nodes: TopologyNode[], text: string): string[] {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new Error(`bad search ${text}`);
  return [...searchNodes(parsed.query, nodes).matches].sort();
}

describe("usage on the map obeys metrics.k8s.io RBAC", () => {
  test("a person who may list pods but not their metrics gets no CPU or memory; one who may gets them", async () => {
    const url = await start();
    const pat = await mapOf(url, "pat");
    expect(metricsOf(pat.nodes, podA)).toEqual({ restarts: 0 });
    expect(metricsOf(pat.nodes, podB)).toEqual({ restarts: 0 });
    expect(metricsOf(pat.nodes, "node-n1")).toEqual({ restarts: 0 });
    const ops = await mapOf(url, "ops");
    expect(metricsOf(ops.nodes, podA)).toEqual({ cpuMillicores: 120, memoryBytes: 150 * 2 ** 20, restarts: 0 });
    expect(metricsOf(ops.nodes, "node-n1")).toEqual({ cpuMillicores: 900, memoryBytes: 2 ** 30, restarts: 0 });
  });

  test("pod usage shows only in namespaces granted, and node usage only with nodes.metrics.k8s.io", async () => {
    const { nodes } = await mapOf(await start(), "dev");
    expect(metricsOf(nodes, podA)).toEqual({ cpuMillicores: 120, memoryBytes: 150 * 2 ** 20, restarts: 0 });
    expect(metricsOf(nodes, podB)).toEqual({ restarts: 0 });
    expect(metricsOf(nodes, "node-n1")).toEqual({ restarts: 0 });
  });

  test("two people with the same list scopes but other metrics rights never share a view's usage", async () => {
    const url = await start();
    // Open at once, so the shared view computed for one is on hand for the other.
    const [ops, pat] = await Promise.all([mapOf(url, "ops"), mapOf(url, "pat")]);
    expect(metricsOf(ops.nodes, podB)).toMatchObject({ cpuMillicores: 300 });
    expect(metricsOf(pat.nodes, podB)).toEqual({ restarts: 0 });
    const patAgain = await mapOf(url, "pat");
    const opsAgain = await mapOf(url, "ops");
    expect(patAgain.nodes.some((n) => n.metrics?.cpuMillicores !== undefined || n.metrics?.memoryBytes !== undefined)).toBe(false);
    expect(metricsOf(opsAgain.nodes, "node-n1")).toMatchObject({ cpuMillicores: 900 });
  });

  test("searching by CPU or memory matches no object whose usage is hidden, and other searches lose nothing", async () => {
    const url = await start();
    const [pat, dev, ops] = await Promise.all([mapOf(url, "pat"), mapOf(url, "dev"), mapOf(url, "ops")]);
    expect(matches(ops.nodes, "memory > 100M")).toEqual([podA, podB, "node-n1"].sort());
    expect(matches(dev.nodes, "memory > 100M")).toEqual([podA]);
    expect(matches(pat.nodes, "memory > 100M")).toEqual([]);
    expect(matches(pat.nodes, "cpu > 0")).toEqual([]);
    expect(matches(dev.nodes, "cpu >= 300")).toEqual([]);
    // Searches on what the person may see still find it.
    for (const { nodes } of [pat, dev, ops]) {
      expect(matches(nodes, "restarts = 0")).toEqual([podA, podB, "node-n1"].sort());
      expect(matches(nodes, "kind:Pod")).toEqual([podA, podB].sort());
      expect(matches(nodes, "namespace:batch")).toEqual([podB]);
    }
  });

  test("a right granted later brings the usage in on the next access refresh", async () => {
    const late = new MetricsRightsViewer(noUsage);
    const url = await start({ accessFor: () => late, accessRefreshMs: 50 });
    const { client, nodes } = await mapOf(url, "pat");
    expect(metricsOf(nodes, podA)).toEqual({ restarts: 0 });
    late.usage = { pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false };
    const delta = await client.next("topology-delta", 2000);
    expect(delta.upserted).toEqual([expect.objectContaining({ id: podA, metrics: { cpuMillicores: 120, memoryBytes: 150 * 2 ** 20, restarts: 0 } })]);
    late.usage = noUsage;
    const revoked = await client.next("topology-delta", 2000);
    expect(revoked.upserted).toEqual([expect.objectContaining({ id: podA, metrics: { restarts: 0 } })]);
  });
});
