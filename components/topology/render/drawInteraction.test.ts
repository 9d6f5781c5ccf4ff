import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { drawInteraction } from "./drawInteraction";
import { RecordingContext } from "./recordingContext";
import { buildScene } from "./scene";
import { HOVER_COLOUR, MATCH_COLOUR, SELECTION_COLOUR } from "./style";

const size = { width: 800, height: 600 };
const pod = (id: string): TopologyNode => ({ id, kind: "Pod", name: `pod-${id}`, status: "running" });
const host: TopologyNode = { id: "h", kind: "Node", name: "host-1", status: "running" };
const scene = buildScene([host, pod("a"), pod("b"), pod("c")], [], ["h", "a", "b", "c"], new Float32Array([100, 100, 150, 100, 100, 150, 9000, 9000]));
const neighbours: Record<string, string[]> = { h: ["a", "b"], a: ["h"], b: ["h"], c: [] };
const neighboursOf = (id: string) => neighbours[id] ?? [];

describe("drawInteraction", () => {
  test("clears the layer and draws nothing else when nothing is hovered, selected or matched", () => {
    const ctx = new RecordingContext();
    drawInteraction(ctx, scene, { x: 0, y: 0, k: 1 }, size, {}, neighboursOf);
    expect(ctx.count("clearRect")).toBe(1);
    expect(ctx.count("stroke")).toBe(0);
    expect(ctx.count("fillText")).toBe(0);
  });

  test("hover highlights the node, its edges to neighbours and the neighbours, and names it", () => {
    const ctx = new RecordingContext();
    const stats = drawInteraction(ctx, scene, { x: 0, y: 0, k: 1 }, size, { hoveredId: "h" }, neighboursOf);
    expect(stats.neighboursHighlighted).toBe(2);
    expect(ctx.count("stroke")).toBe(3);
    expect(ctx.of("stroke").every((call) => call.args.at(-1) === HOVER_COLOUR)).toBe(true);
    expect(ctx.count("arc")).toBe(2);
    expect(ctx.of("fillText").map((call) => call.args[0])).toEqual(["host-1"]);
  });

  test("selection draws a ring in the selection colour", () => {
    const ctx = new RecordingContext();
    drawInteraction(ctx, scene, { x: 0, y: 0, k: 1 }, size, { selectedId: "a" }, neighboursOf);
    expect(ctx.of("stroke").map((call) => call.args.at(-1))).toEqual([SELECTION_COLOUR]);
    expect(ctx.count("arc")).toBe(1);
  });

  test("search matches on screen get a ring; off-screen and unknown ones do not", () => {
    const ctx = new RecordingContext();
    const stats = drawInteraction(ctx, scene, { x: 0, y: 0, k: 0.3 }, size, { matchIds: new Set(["a", "b", "c", "nope"]) }, neighboursOf);
    expect(stats.matchesDrawn).toBe(2);
    expect(ctx.of("stroke").map((call) => call.args.at(-1))).toEqual([MATCH_COLOUR]);
    expect(ctx.count("arc")).toBe(2);
  });

  test("rings stay visible far out: radius at least a few CSS pixels", () => {
    const ctx = new RecordingContext();
    drawInteraction(ctx, scene, { x: 0, y: 0, k: 0.05 }, size, { selectedId: "a" }, neighboursOf);
    const radius = Number(ctx.of("arc")[0]?.args[2]);
    expect(radius * 0.05).toBeGreaterThanOrEqual(4);
  });
});
