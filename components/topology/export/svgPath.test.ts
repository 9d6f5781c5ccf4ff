import { describe, expect, test } from "vitest";
import { RecordingContext } from "../render/recordingContext";
import { traceShape } from "../render/shapes";
import type { NodeShape } from "../render/style";
import { shapePathData, SvgPathWriter } from "./svgPath";

describe("SvgPathWriter", () => {
  test("writes a full circle as two half-turn arcs from its rightmost point", () => {
    const writer = new SvgPathWriter();
    writer.moveTo(15, 20);
    writer.arc(10, 20, 5, 0, Math.PI * 2);
    expect(writer.toString()).toBe("M15 20A5 5 0 0 1 5 20A5 5 0 0 1 15 20");
  });

  test("joins a current point to the arc's start with a line, as a canvas does", () => {
    const writer = new SvgPathWriter();
    writer.moveTo(0, 0);
    writer.arc(10, 0, 5, Math.PI, Math.PI / 2, true);
    expect(writer.toString()).toBe("M0 0L5 0A5 5 0 0 0 10 5");
  });

  test("a clockwise arc whose end is before its start goes the long way round", () => {
    const writer = new SvgPathWriter();
    writer.arc(0, 0, 10, Math.PI / 2, 0);
    // Three quarters of a turn: two pieces, each under half a turn, clockwise.
    expect(writer.toString()).toBe("M0 10A10 10 0 0 1 -7.07 -7.07A10 10 0 0 1 10 0");
  });

  test("starts a path at the first lineTo and closes with Z", () => {
    const writer = new SvgPathWriter();
    writer.lineTo(1, 2);
    writer.lineTo(3, 4);
    writer.closePath();
    expect(writer.toString()).toBe("M1 2L3 4Z");
  });
});

describe("shapePathData", () => {
  test("a diamond has its four corners at the radius", () => {
    expect(shapePathData("diamond", 100, 100, 7)).toBe("M100 93L107 100L100 107L93 100Z");
  });

  test.each<NodeShape>(["hexagon", "diamond", "triangle", "roundedSquare"])("%s: the same points as the canvas path", (shape) => {
    const ctx = new RecordingContext();
    traceShape(ctx, shape, 40, 30, 9);
    const canvasPoints = ctx.calls.flatMap((call) => call.args.map((value) => Math.round(Number(value) * 100) / 100));
    const path = shapePathData(shape, 40, 30, 9);
    const svgPoints = (path.match(/-?[\d.]+/g) ?? []).map(Number);
    // A polygon's return to its first corner is written as Z, without the repeated point.
    const closing = path.endsWith("Z") ? canvasPoints.slice(-2) : [];
    expect(svgPoints).toEqual(closing.length > 0 ? canvasPoints.slice(0, -2) : canvasPoints);
    if (closing.length > 0) expect(closing).toEqual(canvasPoints.slice(0, 2));
  });
});
