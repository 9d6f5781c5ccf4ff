import { traceShape, type PathContext } from "../render/shapes";
import type { NodeShape } from "../render/style";
import { svgNumber } from "./svgMarkup";

const FULL_TURN = Math.PI * 2;

interface Point { x: number; y: number }

/** Records canvas path calls as SVG path data, so exported shapes come from the very geometry the canvas draws. */
export class SvgPathWriter implements PathContext {
  private data = "";
  private current: Point | undefined;
  private subpathStart: Point | undefined;

  moveTo(x: number, y: number): void {
    this.data += `M${svgNumber(x)} ${svgNumber(y)}`;
    this.current = { x, y };
    this.subpathStart = { x, y };
  }

  lineTo(x: number, y: number): void {
    if (!this.current) return this.moveTo(x, y);
    // Shapes close by returning to their start (see render/shapes.ts); SVG says that with Z.
    if (this.subpathStart && samePoint(this.subpathStart, { x, y })) return this.closePath();
    this.data += `L${svgNumber(x)} ${svgNumber(y)}`;
    this.current = { x, y };
  }

  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void {
    // As on a canvas, a curve with no current point starts at its control point.
    if (!this.current) this.moveTo(cpx, cpy);
    this.data += `Q${svgNumber(cpx)} ${svgNumber(cpy)} ${svgNumber(x)} ${svgNumber(y)}`;
    this.current = { x, y };
  }

  /** Canvas arc semantics: a line from the current point to the arc's start, then the arc, split so no piece exceeds half a turn. */
  arc(cx: number, cy: number, radius: number, startAngle: number, endAngle: number, counterclockwise = false): void {
    const sweep = arcSweep(startAngle, endAngle, counterclockwise);
    const start = { x: cx + Math.cos(startAngle) * radius, y: cy + Math.sin(startAngle) * radius };
    if (!this.current) this.moveTo(start.x, start.y);
    else if (!samePoint(this.current, start)) this.lineTo(start.x, start.y);
    if (sweep === 0 || radius === 0) return;
    const pieces = Math.ceil(Math.abs(sweep) / Math.PI - 1e-9);
    const sweepFlag = sweep > 0 ? 1 : 0;
    let end = start;
    for (let piece = 1; piece <= pieces; piece++) {
      const angle = startAngle + (sweep * piece) / pieces;
      end = { x: cx + Math.cos(angle) * radius, y: cy + Math.sin(angle) * radius };
      this.data += `A${svgNumber(radius)} ${svgNumber(radius)} 0 0 ${sweepFlag} ${svgNumber(end.x)} ${svgNumber(end.y)}`;
    }
    this.current = end;
  }

  closePath(): void {
    if (!this.current) return;
    this.data += "Z";
    this.current = this.subpathStart;
  }

  toString(): string {
    return this.data;
  }
}

// The signed angle a canvas arc covers: clockwise (positive) unless counterclockwise, never more than a full turn.
function arcSweep(startAngle: number, endAngle: number, counterclockwise: boolean): number {
  const turn = counterclockwise ? startAngle - endAngle : endAngle - startAngle;
  const magnitude = turn >= FULL_TURN ? FULL_TURN : ((turn % FULL_TURN) + FULL_TURN) % FULL_TURN;
  return counterclockwise ? -magnitude : magnitude;
}

function samePoint(a: Point, b: Point): boolean {
  return svgNumber(a.x) === svgNumber(b.x) && svgNumber(a.y) === svgNumber(b.y);
}

/** SVG path data for one node shape, centred at x,y with radius r (all in the same units, here screen pixels). */
export function shapePathData(shape: NodeShape, x: number, y: number, r: number): string {
  const writer = new SvgPathWriter();
  traceShape(writer, shape, x, y, r);
  return writer.toString();
}
