import { describe, expect, test } from "vitest";
import { allUsage, noUsage } from "../access/types";
import { FakeCache } from "../stream/testing/fakeCache";
import type { AggregatedGraph } from "./aggregate";
import { SharedViews, sharedViewKey } from "./sharedViews";
import { pod } from "./testing/fixtures";
import { TopologyFeed, type TopologyFeedHost } from "./topologyFeed";

const graph = (name: string): AggregatedGraph => ({ nodes: [{ id: name, kind: "Pod", name, status: "running" }], edges: [] });
const everywhere = () => ({ all: true as const });

describe("SharedViews", () => {
  test("computes a view once per change, however many ask", () => {
    const shared = new SharedViews();
    let builds = 0;
    const compute = () => graph(`v${++builds}`);
    expect(shared.get("k", compute).graph).toBe(shared.get("k", compute).graph);
    expect(builds).toBe(1);
    shared.invalidate();
    expect(shared.get("k", compute).graph.nodes[0]!.name).toBe("v2");
    expect(builds).toBe(2);
  });

  test("keeps the most recently used views up to its limit", () => {
    const shared = new SharedViews(2);
    let builds = 0;
    const compute = () => graph(`v${++builds}`);
    shared.get("a", compute);
    shared.get("b", compute);
    shared.get("a", compute);
    shared.get("c", compute);
    expect(builds).toBe(3);
    shared.get("a", compute);
    expect(builds).toBe(3);
    shared.get("b", compute);
    expect(builds).toBe(4);
  });

  test("people with other rights, namespaces or expanded groups get other keys", () => {
    const base = sharedViewKey({ view: "pods", namespaces: ["b", "a"] }, 100, everywhere, allUsage);
    expect(sharedViewKey({ view: "pods", namespaces: ["a", "b"] }, 100, everywhere, allUsage)).toBe(base);
    expect(sharedViewKey({ view: "pods", namespaces: ["a"] }, 100, everywhere, allUsage)).not.toBe(base);
    expect(sharedViewKey({ view: "hosts", namespaces: ["a", "b"] }, 100, everywhere, allUsage)).not.toBe(base);
    expect(sharedViewKey({ view: "pods", namespaces: ["a", "b"], expand: ["g"] }, 100, everywhere, allUsage)).not.toBe(base);
    expect(sharedViewKey({ view: "pods", namespaces: ["a", "b"] }, 100, () => ({ all: false, namespaces: new Set(["a"]) }), allUsage)).not.toBe(base);
  });

  test("people with the same list scopes but other metrics rights get other keys", () => {
    const key = (usage: Parameters<typeof sharedViewKey>[3]) => sharedViewKey({ view: "pods" }, 100, everywhere, usage);
    const keys = [
      key(allUsage),
      key(noUsage),
      key({ pods: { all: true }, nodes: false }),
      key({ pods: { all: false, namespaces: new Set(["shop"]) }, nodes: true }),
      key({ pods: { all: false, namespaces: new Set(["shop", "batch"]) }, nodes: true }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(key({ pods: { all: false, namespaces: new Set(["batch", "shop"]) }, nodes: true })).toBe(keys[4]);
  });

  test("two feeds of the same view to people with the same rights compute it once per change", async () => {
    const cache = new FakeCache();
    const shared = new SharedViews();
    cache.onChange(() => shared.invalidate());
    const sent: string[][] = [[], []];
    const feeds = sent.map((out, index) => {
      const host: TopologyFeedHost = { cache, scopeOf: everywhere, usageScope: () => allUsage, send: (text) => out.push(text), isBehind: () => false };
      return new TopologyFeed({ type: "subscribe", id: `t${index}`, resource: "topology", view: "pods" }, host, { threshold: 1000, frameMs: 10, shared });
    });
    cache.seed("pods", [pod("a", "shop")]);
    feeds.forEach((feed) => feed.sendSnapshot());
    expect(shared.computed).toBe(1);
    cache.seed("pods", [pod("a", "shop"), pod("b", "shop")]);
    shared.invalidate();
    feeds.forEach((feed) => feed.changed());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(shared.computed).toBe(2);
    expect(sent.map((out) => out.length)).toEqual([2, 2]);
    feeds.forEach((feed) => feed.stop());
  });
});
