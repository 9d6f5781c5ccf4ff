import type { TopologyContext } from "./canvasContext";
import type { NodeShape } from "./style";

/** The path calls shapes need; a canvas context, or the SVG path writer in export/ so both draw the same geometry. */
export type PathContext = Pick<TopologyContext, "moveTo" | "lineTo" | "quadraticCurveTo" | "arc">;

const HEXAGON_ANGLES = [0, 1, 2, 3, 4, 5].map((step) => (Math.PI / 3) * step + Math.PI / 6);

/**
 * Adds one closed shape to the current path, so many shapes of one colour fill with a single call.
 * Shapes close by returning to their first point, never with closePath(): in Chromium each closePath()
 * costs time in proportion to the whole path, which made 10,000 shapes take seconds to draw.
 */
export function traceShape(ctx: PathContext, shape: NodeShape, x: number, y: number, r: number): void {
  switch (shape) {
    case "circle":
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      return;
    case "hexagon":
      tracePolygon(ctx, HEXAGON_ANGLES.map((angle) => [x + Math.cos(angle) * r, y + Math.sin(angle) * r]));
      return;
    case "diamond":
      tracePolygon(ctx, [[x, y - r], [x + r, y], [x, y + r], [x - r, y]]);
      return;
    case "triangle":
      tracePolygon(ctx, [[x, y - r], [x + r * 0.95, y + r * 0.7], [x - r * 0.95, y + r * 0.7]]);
      return;
    case "roundedSquare":
      traceRoundedSquare(ctx, x, y, r * 0.85, r * 0.3);
      return;
  }
}

function tracePolygon(ctx: PathContext, corners: ReadonlyArray<readonly [number, number]>): void {
  corners.forEach(([cx, cy], index) => (index === 0 ? ctx.moveTo(cx, cy) : ctx.lineTo(cx, cy)));
  const [first] = corners;
  if (first) ctx.lineTo(first[0], first[1]);
}

function traceRoundedSquare(ctx: PathContext, x: number, y: number, half: number, corner: number): void {
  const left = x - half;
  const right = x + half;
  const top = y - half;
  const bottom = y + half;
  ctx.moveTo(left + corner, top);
  ctx.lineTo(right - corner, top);
  ctx.quadraticCurveTo(right, top, right, top + corner);
  ctx.lineTo(right, bottom - corner);
  ctx.quadraticCurveTo(right, bottom, right - corner, bottom);
  ctx.lineTo(left + corner, bottom);
  ctx.quadraticCurveTo(left, bottom, left, bottom - corner);
  ctx.lineTo(left, top + corner);
  ctx.quadraticCurveTo(left, top, left + corner, top);
}
