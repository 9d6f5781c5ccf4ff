import { describe, expect, test } from "vitest";
import type { TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import { drawScene, MAX_LABELS } from "./drawScene";
import { RecordingContext } from "./recordingContext";
import { buildScene } from "./scene";
import { LABEL_PALETTES, STATUS_COLOURS } from "./style";

const size = { width: 800, height: 600 };

function node(id: string, kind: TopologyKind = "Pod", status: TopologyStatus = "running"): TopologyNode {
  return { id, kind, name: `name-${id}`, status };
}

// Nodes on a grid 20 world units apart, starting at the origin.
function gridScene(nodes: TopologyNode[], edges: Array<[string, string]> = []) {
  const positions = new Float32Array(nodes.flatMap((_, index) => [(index % 10) * 20, Math.floor(index / 10) * 20]));
  const topologyEdges = edges.map(([source, target], index) => ({ id: `e${index}`, source, target, kind: "owns" as const }));
  return buildScene(nodes, topologyEdges, nodes.map((n) => n.id), positions);
}

describe("drawScene level of detail", () => {
  const nodes = [...Array.from({ length: 30 }, (_, i) => node(`p${i}`)), ...Array.from({ length: 10 }, (_, i) => node(`f${i}`, "Pod", "failed"))];
  const scene = gridScene(nodes);

  test("zoomed out: one square per node, one fill per status colour, no shapes or labels", () => {
    const ctx = new RecordingContext();
    const stats = drawScene(ctx, scene, { x: 10, y: 10, k: 0.3 }, size);
    expect(stats.lod).toBe("dots");
    expect(ctx.count("rect")).toBe(40);
    expect(ctx.count("fill")).toBe(2);
    expect(ctx.count("arc")).toBe(0);
    expect(ctx.count("fillText")).toBe(0);
    expect(ctx.of("fill").map((call) => call.args.at(-1))).toEqual([STATUS_COLOURS.running, STATUS_COLOURS.failed]);
  });

  test("middle zoom: shapes per kind, still no labels", () => {
    const ctx = new RecordingContext();
    const stats = drawScene(ctx, scene, { x: 10, y: 10, k: 1 }, size);
    expect(stats.lod).toBe("shapes");
    expect(ctx.count("arc")).toBe(40);
    expect(ctx.count("rect")).toBe(0);
    expect(ctx.count("fill")).toBe(2);
    expect(ctx.count("fillText")).toBe(0);
  });

  test("close zoom: a label per node on screen, when they do not overlap", () => {
    const ctx = new RecordingContext();
    const stats = drawScene(ctx, scene, { x: 10, y: 10, k: 3 }, size);
    expect(stats.lod).toBe("labels");
    expect(ctx.count("fillText")).toBe(40);
    expect(ctx.of("fillText").map((call) => call.args[0])).toContain("name-p0");
  });

  test("close zoom on a dense map: labels that would cover others are left out", () => {
    const ctx = new RecordingContext();
    // Nodes 20 world units apart at k=1.5 are 30 px apart; "name-p10" is about 50 px wide.
    const stats = drawScene(ctx, scene, { x: 10, y: 10, k: 1.5 }, size);
    expect(stats.lod).toBe("labels");
    expect(stats.labelsDrawn).toBeGreaterThan(0);
    expect(stats.labelsDrawn).toBeLessThan(40);
  });

  test("in the dark scheme labels are light text over a dark halo, in the light scheme dark over light", () => {
    for (const scheme of ["light", "dark"] as const) {
      const ctx = new RecordingContext();
      drawScene(ctx, scene, { x: 10, y: 10, k: 3 }, size, 1, LABEL_PALETTES[scheme]);
      expect(ctx.of("fillText").map((call) => call.args.at(-1))).toContain(LABEL_PALETTES[scheme].text);
      expect(ctx.of("strokeText").map((call) => call.args.at(-1))).toContain(LABEL_PALETTES[scheme].halo);
    }
    expect(LABEL_PALETTES.dark.text).toBe("#e9ecef");
  });

  test("at middle zoom a host is named and its pods are not", () => {
    const ctx = new RecordingContext();
    drawScene(ctx, gridScene([node("h", "Node"), node("a"), node("b")]), { x: 10, y: 10, k: 1 }, size);
    expect(ctx.of("fillText").map((call) => call.args[0])).toEqual(["name-h"]);
  });

  test("each kind draws its own shape", () => {
    const kinds: TopologyKind[] = ["Pod", "Node", "Deployment", "Service", "Ingress"];
    const ctx = new RecordingContext();
    drawScene(ctx, gridScene(kinds.map((kind, i) => node(`n${i}`, kind))), { x: 10, y: 10, k: 1 }, size);
    expect(ctx.count("arc")).toBe(1);
    expect(ctx.count("quadraticCurveTo")).toBe(4);
    // Hexagon 6 corners, diamond 4, triangle 3 (each back to its first corner), rounded square 4 straight sides.
    expect(ctx.count("lineTo")).toBe(6 + 4 + 3 + 4);
    // closePath costs time in proportion to the whole path in Chromium: shapes close by returning to their start.
    expect(ctx.count("closePath")).toBe(0);
  });
});

describe("drawScene culling", () => {
  test("skips nodes and edges off screen, and labels only what is on screen", () => {
    const nodes = [node("in"), node("out"), node("far")];
    const positions = new Float32Array([100, 100, 5000, 5000, 5100, 5000]);
    const edges = [
      { id: "e1", source: "in", target: "out", kind: "owns" as const },
      { id: "e2", source: "out", target: "far", kind: "owns" as const },
    ];
    const scene = buildScene(nodes, edges, ["in", "out", "far"], positions);
    const ctx = new RecordingContext();
    const stats = drawScene(ctx, scene, { x: 0, y: 0, k: 2 }, size);
    expect(stats.nodesDrawn).toBe(1);
    expect(stats.edgesDrawn).toBe(1);
    expect(ctx.count("arc")).toBe(1);
    expect(ctx.of("fillText").map((call) => call.args[0])).toEqual(["name-in"]);
  });

  test("caps labels when too many nodes are on screen", () => {
    const nodes = Array.from({ length: MAX_LABELS + 100 }, (_, i) => node(`n${i}`));
    // 40 columns 150 px apart at k=1.5: no two labels touch, so only the cap stops them.
    const positions = new Float32Array(nodes.flatMap((_, i) => [(i % 40) * 100, Math.floor(i / 40) * 100]));
    const scene = buildScene(nodes, [], nodes.map((n) => n.id), positions);
    const ctx = new RecordingContext();
    expect(drawScene(ctx, scene, { x: 0, y: 0, k: 1.5 }, { width: 6000, height: 6200 }).labelsDrawn).toBe(MAX_LABELS);
  });

  test("draws edges in one stroke after clearing", () => {
    const scene = gridScene([node("a"), node("b"), node("c")], [["a", "b"], ["b", "c"], ["a", "missing"]]);
    const ctx = new RecordingContext();
    const stats = drawScene(ctx, scene, { x: 10, y: 10, k: 1 }, size);
    expect(stats.edgesDrawn).toBe(2);
    expect(ctx.count("stroke")).toBe(1);
    expect(ctx.calls.findIndex((call) => call.method === "clearRect")).toBeLessThan(ctx.calls.findIndex((call) => call.method === "stroke"));
    expect(ctx.calls.findIndex((call) => call.method === "stroke")).toBeLessThan(ctx.calls.findIndex((call) => call.method === "fill"));
  });
});
