import { describe, expect, test } from "vitest";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import { GraphStore } from "./graphStore";

const pod = (id: string, status: TopologyNode["status"] = "running"): TopologyNode => ({ id, kind: "Pod", name: id, status });
const host = (id: string): TopologyNode => ({ id, kind: "Node", name: id, status: "running" });
const edge = (id: string, source: string, target: string, kind: TopologyEdge["kind"] = "scheduled"): TopologyEdge => ({ id, source, target, kind });

function seeded(): GraphStore {
  const store = new GraphStore();
  store.apply({
    type: "topology-snapshot",
    id: "sub",
    nodes: [host("h1"), host("h2"), pod("p1"), pod("p2")],
    edges: [edge("e1", "p1", "h1"), edge("e2", "p2", "h1")],
  });
  return store;
}

describe("GraphStore", () => {
  test("a snapshot replaces the graph and reports a reset", () => {
    const store = seeded();
    const change = store.apply({ type: "topology-snapshot", id: "sub", nodes: [pod("x")], edges: [], aggregated: { by: "namespace", reason: "12000 pods", total: 12000 } });
    expect(change.reset).toBe(true);
    expect(store.nodes().map((node) => node.id)).toEqual(["x"]);
    expect(store.edges()).toEqual([]);
    expect(store.neighbours("h1").size).toBe(0);
    expect(store.aggregated?.total).toBe(12000);
  });

  test("neighbours follow edges in both directions", () => {
    const store = seeded();
    expect([...store.neighbours("h1")].sort()).toEqual(["p1", "p2"]);
    expect([...store.neighbours("p1")]).toEqual(["h1"]);
    expect(store.neighbours("unknown").size).toBe(0);
  });

  test("a delta adds, updates and removes nodes and says which", () => {
    const store = seeded();
    const before = store.version;
    const change = store.apply({
      type: "topology-delta", id: "sub",
      upserted: [pod("p3"), pod("p1", "crashlooping")], removed: ["h2", "ghost"], edgesUpserted: [], edgesRemoved: [],
    });
    expect(change).toEqual({ reset: false, addedNodeIds: ["p3"], updatedNodeIds: ["p1"], removedNodeIds: ["h2"], edgesChanged: false });
    expect(store.node("p1")?.status).toBe("crashlooping");
    expect(store.node("h2")).toBeUndefined();
    expect(store.nodeCount).toBe(4);
    expect(store.version).toBe(before + 1);
  });

  test("removing a node drops its edges and its place among its neighbours' neighbours", () => {
    const store = seeded();
    const change = store.apply({ type: "topology-delta", id: "sub", upserted: [], removed: ["p1"], edgesUpserted: [], edgesRemoved: [] });
    expect(change.edgesChanged).toBe(true);
    expect(store.edges().map((e) => e.id)).toEqual(["e2"]);
    expect([...store.neighbours("h1")]).toEqual(["p2"]);
  });

  test("an upserted edge moves its ends; a removed edge unlinks them", () => {
    const store = seeded();
    store.apply({ type: "topology-delta", id: "sub", upserted: [], removed: [], edgesUpserted: [edge("e1", "p1", "h2")], edgesRemoved: ["e2"] });
    expect([...store.neighbours("p1")]).toEqual(["h2"]);
    expect(store.neighbours("h1").size).toBe(0);
    expect(store.neighbours("p2").size).toBe(0);
  });

  test("two nodes joined twice stay neighbours until both edges go", () => {
    const store = seeded();
    store.apply({ type: "topology-delta", id: "sub", upserted: [], removed: [], edgesUpserted: [edge("e9", "h1", "p1", "owns")], edgesRemoved: ["e1"] });
    expect(store.neighbours("p1").has("h1")).toBe(true);
    store.apply({ type: "topology-delta", id: "sub", upserted: [], removed: [], edgesUpserted: [], edgesRemoved: ["e9"] });
    expect(store.neighbours("p1").has("h1")).toBe(false);
  });
});
