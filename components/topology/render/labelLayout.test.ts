import { describe, expect, test } from "vitest";
import { buildScene } from "./scene";
import { placeLabels } from "./drawScene";
import { boxesOverlap, circleOverlapsBox, placeLabelBoxes, type ScreenCircle } from "./labelLayout";
import type { TopologyNode } from "@/lib/wire/topology";

const circle = (x: number, y: number, r = 6): ScreenCircle => ({ x, y, r });

describe("placeLabelBoxes", () => {
  test("a crowded row of nodes gets labels that cover neither each other nor any node", () => {
    const nodes = Array.from({ length: 30 }, (_, i) => circle(100 + (i % 10) * 24, 100 + Math.floor(i / 10) * 22));
    const requests = nodes.map((node, index) => ({ ...node, index, text: `frontend-7d9f-${index}` }));
    const placed = placeLabelBoxes(requests, nodes, 100);
    expect(placed.length).toBeGreaterThan(3);
    for (const [i, label] of placed.entries()) {
      for (const other of placed.slice(i + 1)) expect(boxesOverlap(label.box, other.box)).toBe(false);
      for (const node of nodes) expect(circleOverlapsBox(node, label.box)).toBe(false);
    }
  });

  test("a label blocked below moves to the right, then the left, then above", () => {
    const node = circle(100, 100);
    const [below] = placeLabelBoxes([{ ...node, index: 0, text: "a" }], [node], 10);
    expect(below!.box.top).toBeGreaterThan(106);
    const blocker = circle(100, 116, 6);
    const [right] = placeLabelBoxes([{ ...node, index: 0, text: "a" }], [node, blocker], 10);
    expect(right!.box.left).toBeGreaterThan(106);
    const [left] = placeLabelBoxes([{ ...node, index: 0, text: "a" }], [node, blocker, circle(116, 100)], 10);
    expect(left!.box.right).toBeLessThan(94);
    const [above] = placeLabelBoxes([{ ...node, index: 0, text: "a" }], [node, blocker, circle(116, 100), circle(84, 100)], 10);
    expect(above!.box.bottom).toBeLessThan(94);
  });

  test("earlier requests win the spot, and no more than the limit are placed", () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({ ...circle(i * 200, 0), index: i, text: `pod-${i}` }));
    expect(placeLabelBoxes(requests, [], 5).map((label) => label.index)).toEqual([0, 1, 2, 3, 4]);
    // Five labels for one spot: the four sides go to the first four.
    const crowd = Array.from({ length: 5 }, (_, i) => ({ ...circle(0, 0), index: i, text: "a" }));
    expect(placeLabelBoxes(crowd, [], 10).map((label) => label.index)).toEqual([0, 1, 2, 3]);
  });
});

describe("placeLabels", () => {
  const node = (id: string, kind: TopologyNode["kind"]): TopologyNode => ({ id, kind, name: id, status: "running" }) as TopologyNode;
  const nodes = [node("host-a", "Node"), ...Array.from({ length: 8 }, (_, i) => node(`pod-${i}`, "Pod"))];
  const positions = new Float32Array(nodes.flatMap((_, i) => [i * 40, 0]));
  const scene = buildScene(nodes, [], nodes.map((n) => n.id), positions);
  const indices = nodes.map((_, i) => i);
  const size = { width: 800, height: 400 };

  test("far out, hosts keep their names and pods do not; close up, every pod is named", () => {
    const far = placeLabels(scene, indices, { x: 300, y: 200, k: 0.3 }, size);
    expect(far.map((label) => label.text)).toEqual(["host-a"]);
    const middle = placeLabels(scene, indices, { x: 100, y: 200, k: 1 }, size);
    expect(middle.map((label) => label.text)).toEqual(["host-a"]);
    const close = placeLabels(scene, indices, { x: 40, y: 200, k: 2 }, size);
    expect(close.map((label) => label.text).sort()).toEqual(nodes.map((n) => n.name).sort());
  });
});
