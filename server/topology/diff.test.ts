import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { diffGraphs, isEmptyDelta } from "./diff";
import { edge } from "./nodes";

const node = (id: string, status: TopologyNode["status"] = "running"): TopologyNode => ({ id, kind: "Pod", name: id, status });

describe("diffGraphs", () => {
  test("reports changed and new nodes, removed ids, and edges likewise", () => {
    const before = { nodes: [node("a"), node("b"), node("c")], edges: [edge("owns", "a", "b"), edge("owns", "a", "c")] };
    const after = { nodes: [node("a"), node("b", "failed"), node("d")], edges: [edge("owns", "a", "b"), edge("owns", "a", "d")] };
    expect(diffGraphs(before, after)).toEqual({
      upserted: [node("b", "failed"), node("d")],
      removed: ["c"],
      edgesUpserted: [edge("owns", "a", "d")],
      edgesRemoved: ["owns:a:c"],
    });
  });

  test("equal graphs give an empty delta", () => {
    const graph = { nodes: [node("a")], edges: [] };
    const delta = diffGraphs(graph, { nodes: [node("a")], edges: [] });
    expect(isEmptyDelta(delta)).toBe(true);
    expect(isEmptyDelta(diffGraphs(graph, { nodes: [], edges: [] }))).toBe(false);
  });

  test("a node whose CPU or memory moved is an update", () => {
    const before = { nodes: [{ ...node("a"), metrics: { cpuMillicores: 5, memoryBytes: 100, restarts: 0 } }], edges: [] };
    const after = { nodes: [{ ...node("a"), metrics: { cpuMillicores: 5, memoryBytes: 101, restarts: 0 } }], edges: [] };
    expect(diffGraphs(before, after).upserted).toEqual(after.nodes);
    const unsampled = { nodes: [{ ...node("a"), metrics: { restarts: 0 } }], edges: [] };
    expect(diffGraphs(before, unsampled).upserted).toEqual(unsampled.nodes);
  });
});
