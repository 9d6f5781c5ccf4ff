import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { createHitIndex } from "./hitTest";
import { buildScene } from "./scene";

const pod = (id: string): TopologyNode => ({ id, kind: "Pod", name: id, status: "running" });
const group: TopologyNode = { id: "g", kind: "Group", name: "shop", status: "running", group: { by: "namespace", key: "shop", count: 400, worst: "failed" } };

describe("createHitIndex", () => {
  const scene = buildScene([pod("a"), pod("b"), group], [], ["a", "b", "g"], new Float32Array([0, 0, 30, 0, 200, 200]));
  const index = createHitIndex(scene);

  test("finds the node under the point", () => {
    expect(index.nodeAt(2, 1, 0)).toBe("a");
    expect(index.nodeAt(28, -3, 0)).toBe("b");
  });

  test("finds nothing between nodes", () => {
    expect(index.nodeAt(15, 0, 0)).toBeUndefined();
  });

  test("tolerance widens the target", () => {
    expect(index.nodeAt(8, 0, 4)).toBe("a");
  });

  test("a big aggregated node is hit near its rim, not just its centre", () => {
    expect(index.nodeAt(225, 200, 0)).toBe("g");
  });
});
