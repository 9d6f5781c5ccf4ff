import { describe, expect, test } from "vitest";
import type { Expr } from "../promql/ast";
import { seriesSelectorParser } from "./seriesSelector";

const pos = { start: 0, end: 1 };
const selector: Expr = { kind: "vectorSelector", name: "up", matchers: [{ type: "=", name: "__name__", value: "up" }], pos };

describe("seriesSelectorParser", () => {
  test("answers a bare selector's matchers", () => {
    expect(seriesSelectorParser(() => selector)("up")).toEqual([{ type: "=", name: "__name__", value: "up" }]);
  });

  test("refuses other expressions and selectors with modifiers as parse errors", () => {
    const binary: Expr = { kind: "binary", op: "+", lhs: selector, rhs: { kind: "number", value: 1, pos }, returnBool: false, pos };
    expect(() => seriesSelectorParser(() => binary)("up + 1")).toThrow("expected a series selector like up{job=\"api\"}, got a binary expression");
    const shifted: Expr = { ...selector, offset: { kind: "durationLiteral", ms: 60_000, pos } } as Expr;
    expect(() => seriesSelectorParser(() => shifted)("up offset 1m")).toThrow(/got a selector with a modifier/);
  });
});
