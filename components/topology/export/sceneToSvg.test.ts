// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import type { TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import { buildScene, type Scene } from "../render/scene";
import { MATCH_COLOUR, SELECTION_COLOUR, STATUS_COLOURS } from "../render/style";
import { sceneToSvg, type SvgExportOptions } from "./sceneToSvg";

const size = { width: 800, height: 600 };
const shapesZoom = { x: 100, y: 100, k: 1 };

function node(id: string, kind: TopologyKind = "Pod", status: TopologyStatus = "running", extra: Partial<TopologyNode> = {}): TopologyNode {
  return { id, kind, name: `name-${id}`, status, ...extra };
}

// Nodes on a grid `spacing` world units apart, ten to a row, starting at the origin.
function gridScene(nodes: TopologyNode[], edges: Array<[string, string]> = [], spacing = 20): Scene {
  const positions = new Float32Array(nodes.flatMap((_, index) => [(index % 10) * spacing, Math.floor(index / 10) * spacing]));
  const topologyEdges = edges.map(([source, target], index) => ({ id: `e${index}`, source, target, kind: "owns" as const }));
  return buildScene(nodes, topologyEdges, nodes.map((n) => n.id), positions);
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.querySelector("parsererror")?.textContent ?? null).toBeNull();
  return doc;
}

function exportScene(scene: Scene, options: Partial<SvgExportOptions> = {}) {
  const svg = sceneToSvg(scene, { viewport: shapesZoom, size, ...options });
  return { svg, doc: parse(svg) };
}

const nodeIds = (doc: Document, group: string) => [...doc.querySelectorAll(`g.${group} [data-node-id]`)].map((el) => el.getAttribute("data-node-id"));

describe("sceneToSvg document", () => {
  test("is a standalone SVG the size of the map, with a title", () => {
    const { svg, doc } = exportScene(gridScene([node("a")]), { title: "Orrery topology: pods" });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const root = doc.documentElement;
    expect([root.getAttribute("width"), root.getAttribute("height"), root.getAttribute("viewBox")]).toEqual(["800", "600", "0 0 800 600"]);
    expect(doc.querySelector("svg > title")?.textContent).toBe("Orrery topology: pods");
    expect(doc.querySelector("svg > rect")?.getAttribute("fill")).toBe("#ffffff");
  });

  test("escapes names from the cluster in labels, tooltips and the title", () => {
    const hostile = node("x", "Pod", "running", { name: `<script>alert("&'")</script>`, namespace: "a&b" });
    const { svg, doc } = exportScene(gridScene([hostile]), { viewport: { x: 100, y: 100, k: 2 }, title: "<pods & more>" });
    expect(svg).not.toContain("<script>");
    expect(doc.querySelector("g.labels text")?.textContent).toBe(`<script>alert("&'")</script>`);
    expect(doc.querySelector("g.nodes title")?.textContent).toBe(`Pod a&b/<script>alert("&'")</script>, running`);
    expect(doc.querySelector("svg > title")?.textContent).toBe("<pods & more>");
  });

  test("is the same text for the same scene, whatever order the matches were collected in", () => {
    const scene = gridScene([node("a"), node("b"), node("c")]);
    const first = sceneToSvg(scene, { viewport: shapesZoom, size, matchIds: new Set(["c", "a"]) });
    const second = sceneToSvg(scene, { viewport: shapesZoom, size, matchIds: new Set(["a", "c"]) });
    expect(second).toBe(first);
  });
});

describe("sceneToSvg culling", () => {
  test("writes only the nodes and edges on screen", () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
    // 100 world units apart at k=1 from (100,100): columns 0..7 and rows 0..5 are on an 800×600 screen, the last ones on its edge.
    const scene = gridScene(nodes, [["n0", "n1"], ["n0", "n99"], ["n98", "n99"]], 100);
    const { doc } = exportScene(scene);
    expect(nodeIds(doc, "nodes")).toHaveLength(48);
    expect(nodeIds(doc, "nodes")).not.toContain("n99");
    // n0→n99 crosses the screen and stays; n98→n99 is wholly off it.
    expect(doc.querySelectorAll("g.edges line")).toHaveLength(2);
    expect(doc.querySelector("desc")?.textContent).toBe("48 of 100 nodes in view");
  });

  test("a 10,000-node map zoomed in on a corner stays small", () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => node(`n${i}`));
    const scene = gridScene(nodes, [], 30);
    const { svg, doc } = exportScene(scene, { viewport: { x: 0, y: 0, k: 4 } });
    expect(nodeIds(doc, "nodes").length).toBeLessThan(100);
    expect(svg.length).toBeLessThan(50_000);
  });
});

describe("sceneToSvg level of detail", () => {
  const scene = gridScene([node("p"), node("f", "Pod", "failed"), node("g", "Group", "running", { name: "shop", group: { by: "namespace", key: "shop", count: 412, worst: "crashlooping" } })]);

  test("far out: every node a small circle in its status colour, no labels", () => {
    const { doc } = exportScene(scene, { viewport: { x: 100, y: 100, k: 0.3 } });
    const circles = [...doc.querySelectorAll("g.nodes circle")];
    expect(circles.map((c) => [c.getAttribute("r"), c.getAttribute("fill")])).toEqual([
      ["1.5", STATUS_COLOURS.running],
      ["1.5", STATUS_COLOURS.failed],
      ["1.5", STATUS_COLOURS.crashlooping],
    ]);
    expect(doc.querySelectorAll("g.nodes path")).toHaveLength(0);
    expect(doc.querySelector("g.labels")).toBeNull();
  });

  test("middle zoom: shapes, still no labels", () => {
    const { doc } = exportScene(scene);
    expect(doc.querySelectorAll("g.nodes path")).toHaveLength(3);
    expect(doc.querySelector("g.labels")).toBeNull();
  });

  test("close zoom: a label below each node, groups with their count", () => {
    // 40 world units apart at k=2 is 80 px: the labels do not cover each other, so none is left out.
    const spaced = gridScene(scene.nodes.slice(), [], 40);
    const { doc } = exportScene(spaced, { viewport: { x: 100, y: 100, k: 2 } });
    const labels = [...doc.querySelectorAll("g.labels text")];
    expect(labels.map((t) => t.textContent).sort()).toEqual(["name-f", "name-p", "shop (412)"]);
    // Pod radius 5 at k=2 is 10 px, plus 2 px below the centre at (100,100).
    const pod = labels.find((t) => t.textContent === "name-p");
    expect([pod?.getAttribute("x"), pod?.getAttribute("y")]).toEqual(["100", "112"]);
  });

  test("each kind has its own shape, scaled to the zoom", () => {
    const kinds: TopologyKind[] = ["Pod", "Node", "Deployment", "Service", "Ingress"];
    const { doc } = exportScene(gridScene(kinds.map((kind, i) => node(`k${i}`, kind))), { viewport: { x: 100, y: 100, k: 1 } });
    const paths = [...doc.querySelectorAll("g.nodes path")].map((p) => p.getAttribute("d") ?? "");
    const commands = paths.map((d) => d.replace(/[^MLQAZ]/g, ""));
    expect(commands).toEqual(["MAA", "MLLLLLZ", "MLQLQLQLQ", "MLLLZ", "MLLZ"]);
    // The Service diamond sits at world (60,0): screen (160,100), radius 7.
    expect(paths[3]).toBe("M160 93L167 100L160 107L153 100Z");
  });
});

describe("sceneToSvg matches and selection", () => {
  const nodes = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
  const scene = gridScene(nodes, [], 100);

  test("rings the matches near the screen and leaves the others out", () => {
    const { doc } = exportScene(scene, { matchIds: new Set(["n99", "n11", "n0", "missing"]) });
    const group = doc.querySelector("g.matches");
    expect(group?.getAttribute("stroke")).toBe(MATCH_COLOUR);
    expect(group?.getAttribute("fill")).toBe("none");
    expect(nodeIds(doc, "matches")).toEqual(["n0", "n11"]);
  });

  test("rings and names the selected node above it", () => {
    const { doc } = exportScene(scene, { selectedId: "n12" });
    expect(doc.querySelector("g.selection g")?.getAttribute("stroke")).toBe(SELECTION_COLOUR);
    expect(nodeIds(doc, "selection")).toEqual(["n12"]);
    expect(doc.querySelector("g.selection text")?.textContent).toBe("name-n12");
    // Selection ring: radius 5 + 6 px gap around (300, 200), starting at its rightmost point.
    expect(doc.querySelector("g.selection path")?.getAttribute("d")).toMatch(/^M311 200A11 11 /);
  });

  test("writes no selection when the selected node is off screen", () => {
    const { doc } = exportScene(scene, { selectedId: "n99" });
    expect(doc.querySelector("g.selection")).toBeNull();
  });
});
