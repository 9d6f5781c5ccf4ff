import { applyScreenTransform, applyWorldTransform, type TopologyContext } from "./canvasContext";
import { labelOf } from "./drawScene";
import { positionOf, type Scene } from "./scene";
import { traceShape } from "./shapes";
import { HOVER_COLOUR, LABEL_FONT, LABEL_PALETTES, MATCH_COLOUR, radiusOf, SELECTION_COLOUR, shapeOf, type LabelPalette } from "./style";
import { containsPoint, visibleWorldBounds, worldToScreen, type Size, type Viewport } from "./viewport";

export interface InteractionState {
  hoveredId?: string;
  selectedId?: string;
  /** The node the keyboard is on (arrow keys move it, Enter selects it). */
  focusedId?: string;
  /** Nodes matching the current search. */
  matchIds?: ReadonlySet<string>;
}

export interface InteractionDrawStats { matchesDrawn: number; neighboursHighlighted: number }

/** Rings stay visible when zoomed far out, where a node is smaller than this many CSS pixels. */
const MIN_RING_RADIUS_PX = 4;

/** Draws the interaction layer above the static one: search matches, hovered node with its neighbours, selection. */
export function drawInteraction(
  ctx: TopologyContext,
  scene: Scene,
  viewport: Viewport,
  size: Size,
  state: InteractionState,
  neighboursOf: (id: string) => Iterable<string>,
  pixelRatio = 1,
  palette: LabelPalette = LABEL_PALETTES.light,
): InteractionDrawStats {
  applyScreenTransform(ctx, pixelRatio);
  ctx.clearRect(0, 0, size.width, size.height);
  applyWorldTransform(ctx, viewport, pixelRatio);
  const matchesDrawn = state.matchIds ? drawMatches(ctx, scene, viewport, size, state.matchIds) : 0;
  const neighboursHighlighted = state.hoveredId ? drawHover(ctx, scene, viewport.k, state.hoveredId, neighboursOf) : 0;
  const selected = state.selectedId === undefined ? undefined : scene.indexById.get(state.selectedId);
  if (selected !== undefined) strokeRings(ctx, scene, viewport.k, [selected], 6, SELECTION_COLOUR, 3);
  const focused = state.focusedId === undefined ? undefined : scene.indexById.get(state.focusedId);
  if (focused !== undefined) strokeRings(ctx, scene, viewport.k, [focused], 10, HOVER_COLOUR, 2);
  drawFocusLabels(ctx, scene, viewport, pixelRatio, palette, [state.hoveredId, state.selectedId, state.focusedId]);
  return { matchesDrawn, neighboursHighlighted };
}

function drawMatches(ctx: TopologyContext, scene: Scene, viewport: Viewport, size: Size, matchIds: ReadonlySet<string>): number {
  const visible = visibleWorldBounds(viewport, size, MIN_RING_RADIUS_PX * 4);
  const indices: number[] = [];
  for (const id of matchIds) {
    const index = scene.indexById.get(id);
    if (index === undefined) continue;
    const { x, y } = positionOf(scene, index);
    if (containsPoint(visible, x, y)) indices.push(index);
  }
  strokeRings(ctx, scene, viewport.k, indices, 3, MATCH_COLOUR, 2);
  return indices.length;
}

function drawHover(ctx: TopologyContext, scene: Scene, scale: number, hoveredId: string, neighboursOf: (id: string) => Iterable<string>): number {
  const hovered = scene.indexById.get(hoveredId);
  if (hovered === undefined) return 0;
  const centre = positionOf(scene, hovered);
  const neighbours: number[] = [];
  for (const id of neighboursOf(hoveredId)) {
    const index = scene.indexById.get(id);
    if (index !== undefined) neighbours.push(index);
  }
  ctx.beginPath();
  for (const index of neighbours) {
    const { x, y } = positionOf(scene, index);
    ctx.moveTo(centre.x, centre.y);
    ctx.lineTo(x, y);
  }
  ctx.strokeStyle = HOVER_COLOUR;
  ctx.lineWidth = 2 / scale;
  ctx.stroke();
  strokeRings(ctx, scene, scale, neighbours, 2, HOVER_COLOUR, 1.5);
  strokeRings(ctx, scene, scale, [hovered], 4, HOVER_COLOUR, 3);
  return neighbours.length;
}

// Rings follow the node's own shape; gap and width are in CSS pixels so they read the same at any zoom.
function strokeRings(ctx: TopologyContext, scene: Scene, scale: number, indices: readonly number[], gapPx: number, colour: string, widthPx: number): void {
  if (indices.length === 0) return;
  ctx.beginPath();
  for (const index of indices) {
    const node = scene.nodes[index];
    if (!node) continue;
    const { x, y } = positionOf(scene, index);
    const radius = Math.max(radiusOf(node), MIN_RING_RADIUS_PX / scale) + gapPx / scale;
    traceShape(ctx, shapeOf(node.kind), x, y, radius);
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = widthPx / scale;
  ctx.stroke();
}

// The hovered and selected nodes are named at every zoom, even where the static layer shows no labels.
function drawFocusLabels(ctx: TopologyContext, scene: Scene, viewport: Viewport, pixelRatio: number, palette: LabelPalette, ids: ReadonlyArray<string | undefined>): void {
  const indices = [...new Set(ids)].flatMap((id) => (id === undefined ? [] : [scene.indexById.get(id)])).filter((index) => index !== undefined);
  if (indices.length === 0) return;
  applyScreenTransform(ctx, pixelRatio);
  ctx.font = LABEL_FONT;
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  ctx.fillStyle = palette.text;
  ctx.strokeStyle = palette.halo;
  ctx.lineWidth = 3;
  ctx.lineJoin = "round";
  for (const index of indices) {
    const node = scene.nodes[index];
    if (!node) continue;
    const screen = worldToScreen(viewport, positionOf(scene, index));
    const y = screen.y - Math.max(radiusOf(node) * viewport.k, MIN_RING_RADIUS_PX) - 4;
    ctx.strokeText(labelOf(node), screen.x, y);
    ctx.fillText(labelOf(node), screen.x, y);
  }
}
