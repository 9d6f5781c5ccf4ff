import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { buildScene, positionOf } from "./scene";

const pod = (id: string): TopologyNode => ({ id, kind: "Pod", name: id, status: "running" });

describe("buildScene", () => {
  test("aligns layout positions to node order and drops edges with a missing end", () => {
    const scene = buildScene(
      [pod("a"), pod("b")],
      [{ id: "e1", source: "a", target: "b", kind: "owns" }, { id: "e2", source: "a", target: "gone", kind: "owns" }],
      ["b", "a", "gone"],
      new Float32Array([10, 20, 30, 40, 50, 60]),
    );
    expect(positionOf(scene, 0)).toEqual({ x: 30, y: 40 });
    expect(positionOf(scene, 1)).toEqual({ x: 10, y: 20 });
    expect([...scene.edgeEnds]).toEqual([0, 1]);
    expect(scene.indexById.get("b")).toBe(1);
  });
});
