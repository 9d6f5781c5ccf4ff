import { describe, expect, test } from "vitest";
import type { DurationExpr } from "../ast";
import { resolveDuration } from "./durations";
import type { EvalContext } from "./types";

const pos = { start: 0, end: 0 };
const lit = (ms: number): DurationExpr => ({ kind: "durationLiteral", ms, pos });
const ctx = { queryStart: 50_000, queryEnd: 60_000, queryStep: 5_000 } as EvalContext;

describe("resolveDuration", () => {
  test("step() and range() are the query's step and end minus start", () => {
    expect(resolveDuration({ kind: "durationStep", pos }, ctx)).toBe(5_000);
    expect(resolveDuration({ kind: "durationRange", pos }, ctx)).toBe(10_000);
  });

  test("arithmetic works in seconds and min/max pick", () => {
    const twiceStepPlusOne: DurationExpr = {
      kind: "durationBinary", op: "+", pos, rhs: lit(1_000),
      lhs: { kind: "durationBinary", op: "*", pos, lhs: { kind: "durationStep", pos }, rhs: lit(2_000) },
    };
    expect(resolveDuration(twiceStepPlusOne, ctx)).toBe(11_000);
    expect(resolveDuration({ kind: "durationMinMax", fn: "min", args: [{ kind: "durationStep", pos }, lit(1_000)], pos }, ctx)).toBe(1_000);
    expect(resolveDuration({ kind: "durationUnary", op: "-", expr: lit(3_000), pos }, ctx)).toBe(-3_000);
  });

  test("division by zero is refused", () => {
    expect(() => resolveDuration({ kind: "durationBinary", op: "/", lhs: lit(1_000), rhs: lit(0), pos }, ctx)).toThrow("division by zero");
  });
});
