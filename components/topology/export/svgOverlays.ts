import { labelOf, placeLabels } from "../render/drawScene";
import { positionOf, type Scene } from "../render/scene";
import { LABEL_COLOUR, LABEL_FONT, MATCH_COLOUR, radiusOf, SELECTION_COLOUR, shapeOf } from "../render/style";
import { containsPoint, visibleWorldBounds, worldToScreen, type Size, type Viewport } from "../render/viewport";
import { escapeXml, svgAttributes, svgGroup } from "./svgMarkup";
import { shapePathData } from "./svgPath";

// Ring sizes in CSS pixels, as drawInteraction draws them on the interaction layer.
const MIN_RING_RADIUS_PX = 4;
const MATCH_RING = { gapPx: 3, widthPx: 2, colour: MATCH_COLOUR };
const SELECTION_RING = { gapPx: 6, widthPx: 3, colour: SELECTION_COLOUR };
/** Rings are written for nodes whose centre is this close to the screen, as drawInteraction culls them. */
const RING_MARGIN_PX = MIN_RING_RADIUS_PX * 4;

/** Labels below nodes whose centre is on screen, at most MAX_LABELS and then the nearest to the centre, as drawScene places them. */
export function labelElements(scene: Scene, indices: readonly number[], viewport: Viewport, size: Size): string[] {
  const texts = placeLabels(scene, indices, viewport, size).map(({ x, y, text }) => `<text${svgAttributes({ x, y })}>${escapeXml(text)}</text>`);
  return svgGroup({ class: "labels", style: `font: ${LABEL_FONT}`, fill: LABEL_COLOUR, "text-anchor": "middle", "dominant-baseline": "hanging" }, texts);
}

/** Rings around search matches near the screen, in scene order so the output does not depend on how the set was built. */
export function matchRingElements(scene: Scene, viewport: Viewport, size: Size, matchIds: ReadonlySet<string> | undefined): string[] {
  if (!matchIds || matchIds.size === 0) return [];
  const indices = ringCandidates(scene, viewport, size, matchIds).sort((a, b) => a - b);
  const rings = ringElements(scene, viewport, indices, MATCH_RING.gapPx);
  return svgGroup({ class: "matches", fill: "none", stroke: MATCH_RING.colour, "stroke-width": MATCH_RING.widthPx }, rings);
}

/** The selection ring and the selected node's name above it, which the map shows at every zoom. */
export function selectionElements(scene: Scene, viewport: Viewport, size: Size, selectedId: string | undefined): string[] {
  if (selectedId === undefined) return [];
  const [index] = ringCandidates(scene, viewport, size, [selectedId]);
  const node = index === undefined ? undefined : scene.nodes[index];
  if (index === undefined || !node) return [];
  const screen = worldToScreen(viewport, positionOf(scene, index));
  const labelY = screen.y - Math.max(radiusOf(node) * viewport.k, MIN_RING_RADIUS_PX) - 4;
  const label = `<text${svgAttributes({ x: screen.x, y: labelY, style: `font: ${LABEL_FONT}`, fill: LABEL_COLOUR, "text-anchor": "middle", "dominant-baseline": "text-after-edge" })}>${escapeXml(labelOf(node))}</text>`;
  return svgGroup({ class: "selection" }, [
    ...svgGroup({ fill: "none", stroke: SELECTION_RING.colour, "stroke-width": SELECTION_RING.widthPx }, ringElements(scene, viewport, [index], SELECTION_RING.gapPx)),
    label,
  ]);
}

function ringCandidates(scene: Scene, viewport: Viewport, size: Size, ids: Iterable<string>): number[] {
  const visible = visibleWorldBounds(viewport, size, RING_MARGIN_PX);
  const indices: number[] = [];
  for (const id of ids) {
    const index = scene.indexById.get(id);
    if (index === undefined) continue;
    const { x, y } = positionOf(scene, index);
    if (containsPoint(visible, x, y)) indices.push(index);
  }
  return indices;
}

// Rings follow the node's own shape and stay visible when the node is smaller than a few pixels.
function ringElements(scene: Scene, viewport: Viewport, indices: readonly number[], gapPx: number): string[] {
  return indices.flatMap((index) => {
    const node = scene.nodes[index];
    if (!node) return [];
    const screen = worldToScreen(viewport, positionOf(scene, index));
    const radius = Math.max(radiusOf(node) * viewport.k, MIN_RING_RADIUS_PX) + gapPx;
    return [`<path${svgAttributes({ d: shapePathData(shapeOf(node.kind), screen.x, screen.y, radius), "data-node-id": node.id })}/>`];
  });
}

