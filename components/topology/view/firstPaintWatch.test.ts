import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { buildScene } from "../render/scene";
import { FirstPaintWatch } from "./firstPaintWatch";

const pod = (id: string, name: string): TopologyNode => ({ id, kind: "Pod", name, status: "running" });
const scene = buildScene([pod("a", "web-1"), pod("b", "web-2")], [], ["a", "b"], new Float32Array([10, 10, 20, 20]));

describe("FirstPaintWatch", () => {
  test("notes a watched node's first paint at a laid-out position on screen, and keeps that first time", () => {
    const watch = new FirstPaintWatch();
    watch.watch("web-2");
    watch.notePaint(scene, { laidOut: () => true, onScreen: () => true }, 1000);
    watch.notePaint(scene, { laidOut: () => true, onScreen: () => true }, 2000);
    expect(watch.paintedAtOf("web-2")).toBe(1000);
    expect(watch.paintedAtOf("web-1")).toBeUndefined();
  });

  test("a node without a layout position yet, or off screen, is not yet painted", () => {
    const watch = new FirstPaintWatch();
    watch.watch("web-1");
    watch.notePaint(scene, { laidOut: () => false, onScreen: () => true }, 1000);
    watch.notePaint(scene, { laidOut: () => true, onScreen: () => false }, 2000);
    expect(watch.paintedAtOf("web-1")).toBeUndefined();
    watch.notePaint(scene, { laidOut: () => true, onScreen: () => true }, 3000);
    expect(watch.paintedAtOf("web-1")).toBe(3000);
  });
});
