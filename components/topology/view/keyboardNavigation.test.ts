import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { buildScene } from "../render/scene";
import { nodeInDirection, nodeNearestCentre } from "./keyboardNavigation";

// A plus shape around "c", with "far" further right and "diag" up and to the right.
const layout: Record<string, [number, number]> = { c: [0, 0], r: [10, 1], l: [-10, 0], u: [0, -10], d: [1, 10], far: [30, 0], diag: [8, -9] };
const nodes: TopologyNode[] = Object.keys(layout).map((id) => ({ id, kind: "Pod", name: id, status: "running" }));
const scene = buildScene(nodes, [], Object.keys(layout), Float32Array.from(Object.values(layout).flat()));

describe("keyboard navigation over the map", () => {
  test("arrows go to the nearest node ahead", () => {
    expect(nodeInDirection(scene, "c", "right")).toBe("r");
    expect(nodeInDirection(scene, "c", "left")).toBe("l");
    expect(nodeInDirection(scene, "c", "up")).toBe("u");
    expect(nodeInDirection(scene, "c", "down")).toBe("d");
    expect(nodeInDirection(scene, "r", "right")).toBe("far");
  });

  test("nothing ahead stays put; an unknown start has no answer", () => {
    expect(nodeInDirection(scene, "far", "right")).toBeUndefined();
    expect(nodeInDirection(scene, "missing", "left")).toBeUndefined();
  });

  test("focus starts at the node nearest the middle of the screen", () => {
    expect(nodeNearestCentre(scene, { x: 100, y: 100, k: 1 }, { width: 200, height: 200 })).toBe("c");
    expect(nodeNearestCentre(scene, { x: 70, y: 100, k: 1 }, { width: 200, height: 200 })).toBe("far");
  });
});
