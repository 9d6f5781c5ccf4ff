import { applyScreenTransform, applyWorldTransform, type TopologyContext } from "./canvasContext";
import type { TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import { placeLabelBoxes, type LabelRequest, type PlacedLabel, type ScreenCircle } from "./labelLayout";
import { drawPodsRings, podsRingStatusOf, RING_GAP, RING_WIDTH } from "./podsRing";
import { positionOf, type Scene } from "./scene";
import { traceShape } from "./shapes";
import { EDGE_COLOUR, LABEL_FONT, LABEL_PALETTES, levelOfDetail, radiusOf, shapeOf, statusColourOf, type LabelPalette, type LevelOfDetail } from "./style";
import { visibleWorldBounds, worldToScreen, type Bounds, type Size, type Viewport } from "./viewport";

/** Dots are this many CSS pixels across at any zoom, so a far-out map still shows every node. */
export const DOT_SIZE_PX = 3;
/** Screen margin around the canvas within which nodes still draw, so shapes cut by the edge are not dropped. */
const CULL_MARGIN_PX = 16;
/** More labels than this on screen is unreadable and slow; the nearest-to-centre are kept. */
export const MAX_LABELS = 1500;

export interface SceneDrawStats { lod: LevelOfDetail; nodesDrawn: number; edgesDrawn: number; labelsDrawn: number; labels: PlacedLabel[] }

/** Draws the static layer: edges, then nodes, then labels (fewer the further out), skipping what is off screen. */
export function drawScene(ctx: TopologyContext, scene: Scene, viewport: Viewport, size: Size, pixelRatio = 1, palette: LabelPalette = LABEL_PALETTES.light): SceneDrawStats {
  applyScreenTransform(ctx, pixelRatio);
  ctx.clearRect(0, 0, size.width, size.height);
  const lod = levelOfDetail(viewport.k);
  const visible = visibleWorldBounds(viewport, size, CULL_MARGIN_PX);
  const onScreen = visibleNodeIndices(scene, visible);
  applyWorldTransform(ctx, viewport, pixelRatio);
  const edgesDrawn = drawEdges(ctx, scene, visible, viewport.k);
  if (lod === "dots") drawDots(ctx, scene, onScreen, viewport.k);
  else {
    drawShapes(ctx, scene, onScreen);
    drawPodsRings(ctx, scene, onScreen, viewport.k);
  }
  const labels = placeLabels(scene, onScreen, viewport, size, lod);
  drawLabels(ctx, labels, pixelRatio, palette);
  return { lod, nodesDrawn: onScreen.length, edgesDrawn, labelsDrawn: labels.length, labels };
}

export function visibleNodeIndices(scene: Scene, visible: Bounds): number[] {
  const indices: number[] = [];
  scene.nodes.forEach((node, index) => {
    const { x, y } = positionOf(scene, index);
    const r = radiusOf(node);
    if (x + r >= visible.minX && x - r <= visible.maxX && y + r >= visible.minY && y - r <= visible.maxY) indices.push(index);
  });
  return indices;
}

function drawEdges(ctx: TopologyContext, scene: Scene, visible: Bounds, scale: number): number {
  let drawn = 0;
  ctx.beginPath();
  for (let i = 0; i + 1 < scene.edgeEnds.length; i += 2) {
    const from = positionOf(scene, scene.edgeEnds[i] ?? 0);
    const to = positionOf(scene, scene.edgeEnds[i + 1] ?? 0);
    // A segment whose bounding box misses the screen cannot cross it.
    if (Math.max(from.x, to.x) < visible.minX || Math.min(from.x, to.x) > visible.maxX) continue;
    if (Math.max(from.y, to.y) < visible.minY || Math.min(from.y, to.y) > visible.maxY) continue;
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    drawn++;
  }
  if (drawn === 0) return 0;
  ctx.strokeStyle = EDGE_COLOUR;
  ctx.lineWidth = 1 / scale;
  ctx.stroke();
  return drawn;
}

// One path and one fill per colour: a 10,000-node frame is a handful of fill calls.
function byColour(scene: Scene, indices: readonly number[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const index of indices) {
    const node = scene.nodes[index];
    if (!node) continue;
    const colour = statusColourOf(node);
    const group = groups.get(colour);
    if (group) group.push(index);
    else groups.set(colour, [index]);
  }
  return groups;
}

function drawDots(ctx: TopologyContext, scene: Scene, indices: readonly number[], scale: number): void {
  const side = DOT_SIZE_PX / scale;
  for (const [colour, group] of byColour(scene, indices)) {
    ctx.beginPath();
    for (const index of group) {
      const { x, y } = positionOf(scene, index);
      ctx.rect(x - side / 2, y - side / 2, side, side);
    }
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

function drawShapes(ctx: TopologyContext, scene: Scene, indices: readonly number[]): void {
  for (const [colour, group] of byColour(scene, indices)) {
    ctx.beginPath();
    for (const index of group) {
      const node = scene.nodes[index];
      if (!node) continue;
      const { x, y } = positionOf(scene, index);
      traceShape(ctx, shapeOf(node.kind), x, y, radiusOf(node));
    }
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

/** Where labels go (see labelLayout.ts): beside nodes whose centre is on screen, never over a node or another label. */
export function placeLabels(scene: Scene, indices: readonly number[], viewport: Viewport, size: Size, lod: LevelOfDetail = levelOfDetail(viewport.k)): PlacedLabel[] {
  return placeLabelBoxes(labelRequests(scene, indices, viewport, size, lod), nodeCircles(scene, indices, viewport, lod), MAX_LABELS);
}

/** Every node on screen as a circle its label must not cover, its pods ring included. */
export function nodeCircles(scene: Scene, indices: readonly number[], viewport: Viewport, lod: LevelOfDetail): ScreenCircle[] {
  return indices.map((index) => {
    const screen = worldToScreen(viewport, positionOf(scene, index));
    return { x: screen.x, y: screen.y, r: screenRadius(scene.nodes[index]!, viewport.k, lod) };
  });
}

// Far out only hosts and namespaces are named, at middle zoom also everything bigger than a pod, close up all.
function wantsLabel(node: TopologyNode, lod: LevelOfDetail): boolean {
  if (lod === "labels") return true;
  const big = shapeOf(node.kind) === "hexagon";
  return lod === "dots" ? big : big || Boolean(node.group) || (node.kind !== "Pod" && node.kind !== "Container");
}

// Hosts and namespaces first, then big groups, then what is unwell, then the nearest to the middle of the screen.
function labelRequests(scene: Scene, indices: readonly number[], viewport: Viewport, size: Size, lod: LevelOfDetail): LabelRequest[] {
  const centre = { x: size.width / 2, y: size.height / 2 };
  return indices
    .filter((index) => wantsLabel(scene.nodes[index]!, lod))
    .map((index) => ({ index, node: scene.nodes[index]!, screen: worldToScreen(viewport, positionOf(scene, index)) }))
    // Labels only for nodes whose centre is on the canvas; the cull margin is for shapes.
    .filter(({ screen }) => screen.x >= 0 && screen.x <= size.width && screen.y >= 0 && screen.y <= size.height)
    .map((entry) => ({ ...entry, rank: labelRank(entry.node), distance: distanceSquared(entry.screen, centre) }))
    .sort((a, b) => a.rank - b.rank || a.distance - b.distance)
    .map(({ index, node, screen }) => ({ index, text: labelOf(node), x: screen.x, y: screen.y, r: screenRadius(node, viewport.k, lod) }));
}

function screenRadius(node: TopologyNode, scale: number, lod: LevelOfDetail): number {
  if (lod === "dots") return DOT_SIZE_PX / 2;
  return (radiusOf(node) + (podsRingStatusOf(node) === undefined ? 0 : RING_GAP + RING_WIDTH)) * scale;
}

function labelRank(node: TopologyNode): number {
  if (shapeOf(node.kind) === "hexagon") return 0;
  if (node.group) return 1 - node.group.count / (node.group.count + 1);
  return HEALTHY.has(node.status) ? 3 : 2;
}

const HEALTHY = new Set<TopologyStatus>(["running", "succeeded"]);

function drawLabels(ctx: TopologyContext, placed: readonly PlacedLabel[], pixelRatio: number, palette: LabelPalette): void {
  applyScreenTransform(ctx, pixelRatio);
  ctx.font = LABEL_FONT;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.halo;
  ctx.fillStyle = palette.text;
  for (const { text, x, y } of placed) {
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
}

export function labelOf(node: { name: string; group?: { count: number } }): string {
  return node.group ? `${node.name} (${node.group.count})` : node.name;
}

function distanceSquared(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
