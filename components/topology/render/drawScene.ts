import { applyScreenTransform, applyWorldTransform, type TopologyContext } from "./canvasContext";
import { keepLabelsThatFit } from "./labelLayout";
import { drawPodsRings } from "./podsRing";
import { positionOf, type Scene } from "./scene";
import { traceShape } from "./shapes";
import { EDGE_COLOUR, LABEL_COLOUR, LABEL_FONT, levelOfDetail, radiusOf, shapeOf, statusColourOf, type LevelOfDetail } from "./style";
import { visibleWorldBounds, worldToScreen, type Bounds, type Size, type Viewport } from "./viewport";

/** Dots are this many CSS pixels across at any zoom, so a far-out map still shows every node. */
export const DOT_SIZE_PX = 3;
/** Screen margin around the canvas within which nodes still draw, so shapes cut by the edge are not dropped. */
const CULL_MARGIN_PX = 16;
/** More labels than this on screen is unreadable and slow; the nearest-to-centre are kept. */
export const MAX_LABELS = 1500;

export interface SceneDrawStats { lod: LevelOfDetail; nodesDrawn: number; edgesDrawn: number; labelsDrawn: number }

/** Draws the static layer: edges, then nodes, then labels, skipping what is off screen. */
export function drawScene(ctx: TopologyContext, scene: Scene, viewport: Viewport, size: Size, pixelRatio = 1): SceneDrawStats {
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
  const labelsDrawn = lod === "labels" ? drawLabels(ctx, scene, onScreen, viewport, size, pixelRatio) : 0;
  return { lod, nodesDrawn: onScreen.length, edgesDrawn, labelsDrawn };
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

/** Where labels go: under nodes whose centre is on screen, nearest the centre first, none covering another, at most MAX_LABELS. */
export function placeLabels(scene: Scene, indices: readonly number[], viewport: Viewport, size: Size): { index: number; x: number; y: number; text: string }[] {
  const centre = { x: size.width / 2, y: size.height / 2 };
  const placed = indices
    .map((index) => ({ index, screen: worldToScreen(viewport, positionOf(scene, index)) }))
    // Labels only for nodes whose centre is on the canvas; the cull margin is for shapes.
    .filter(({ screen }) => screen.x >= 0 && screen.x <= size.width && screen.y >= 0 && screen.y <= size.height)
    .sort((a, b) => distanceSquared(a.screen, centre) - distanceSquared(b.screen, centre))
    .map(({ index, screen }) => ({ index, x: screen.x, y: screen.y + radiusOf(scene.nodes[index]!) * viewport.k + 2, text: labelOf(scene.nodes[index]!) }));
  return keepLabelsThatFit(placed, MAX_LABELS).map((kept) => placed[kept]!);
}

function drawLabels(ctx: TopologyContext, scene: Scene, indices: readonly number[], viewport: Viewport, size: Size, pixelRatio: number): number {
  const placed = placeLabels(scene, indices, viewport, size);
  applyScreenTransform(ctx, pixelRatio);
  ctx.font = LABEL_FONT;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.fillStyle = LABEL_COLOUR;
  for (const { text, x, y } of placed) ctx.fillText(text, x, y);
  return placed.length;
}

export function labelOf(node: { name: string; group?: { count: number } }): string {
  return node.group ? `${node.name} (${node.group.count})` : node.name;
}

function distanceSquared(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}
