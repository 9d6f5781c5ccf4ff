import { describe, expect, test } from "vitest";
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
    const base = sharedViewKey({ view: "pods", namespaces: ["b", "a"] }, 100, everywhere);
    expect(sharedViewKey({ view: "pods", namespaces: ["a", "b"] }, 100, everywhere)).toBe(base);
    expect(sharedViewKey({ view: "pods", namespaces: ["a"] }, 100, everywhere)).not.toBe(base);
    expect(sharedViewKey({ view: "hosts", namespaces: ["a", "b"] }, 100, everywhere)).not.toBe(base);
    expect(sharedViewKey({ view: "pods", namespaces: ["a", "b"], expand: ["g"] }, 100, everywhere)).not.toBe(base);
    expect(sharedViewKey({ view: "pods", namespaces: ["a", "b"] }, 100, () => ({ all: false, namespaces: new Set(["a"]) }))).not.toBe(base);
  });

  test("two feeds of the same view to people with the same rights compute it once per change", async () => {
    const cache = new FakeCache();
    const shared = new SharedViews();
    cache.onChange(() => shared.invalidate());
    const sent: string[][] = [[], []];
    const feeds = sent.map((out, index) => {
      const host: TopologyFeedHost = { cache, scopeOf: everywhere, send: (text) => out.push(text), isBehind: () => false };
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
