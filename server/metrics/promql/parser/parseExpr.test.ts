import { describe, expect, test } from "vitest";
import type { Expr } from "../ast";
import { parseExpr } from "./parseExpr";

function shape(expr: Expr): unknown {
  return JSON.parse(JSON.stringify(expr, (key, value: unknown) => (key === "pos" ? undefined : value)));
}

describe("parseExpr", () => {
  test("reads an aggregation over a rate with grouping and a negative offset", () => {
    expect(shape(parseExpr('sum by (job) (rate(foo{a="b"}[5m] offset -1m))'))).toEqual({
      kind: "aggregate",
      op: "sum",
      grouping: ["job"],
      without: false,
      expr: {
        kind: "call",
        func: "rate",
        args: [
          {
            kind: "matrixSelector",
            range: { kind: "durationLiteral", ms: 300_000 },
            selector: {
              kind: "vectorSelector",
              name: "foo",
              matchers: [
                { type: "=", name: "__name__", value: "foo" },
                { type: "=", name: "a", value: "b" },
              ],
              offset: { kind: "durationUnary", op: "-", expr: { kind: "durationLiteral", ms: 60_000 } },
            },
          },
        ],
      },
    });
  });

  test("binds a leading minus looser than ^", () => {
    expect(shape(parseExpr("-1 ^ 2"))).toMatchObject({ kind: "unary", op: "-", expr: { kind: "binary", op: "^", lhs: { value: 1 } } });
  });

  test("binds a trailing offset or @ to the last operand, not to the whole expression before it", () => {
    const offset = { kind: "durationLiteral", ms: 60_000 };
    expect(shape(parseExpr("2 + x offset 1m * 3"))).toMatchObject({
      op: "+", lhs: { value: 2 }, rhs: { op: "*", lhs: { name: "x", offset }, rhs: { value: 3 } },
    });
    expect(shape(parseExpr("-x offset 1m ^ 2"))).toMatchObject({ kind: "unary", op: "-", expr: { op: "^", lhs: { name: "x", offset } } });
    expect(shape(parseExpr("a or b @ 10 and c"))).toMatchObject({ op: "or", rhs: { op: "and", lhs: { name: "b", at: { ms: 10_000 } } } });
    expect(shape(parseExpr("2 - x offset 1m - 3"))).toMatchObject({ op: "-", lhs: { op: "-", rhs: { name: "x" } }, rhs: { value: 3 } });
    expect(shape(parseExpr("(2 + x offset 1m) * 3"))).toMatchObject({ op: "*", lhs: { kind: "paren" } });
  });

  test("folds a unary minus into a number literal", () => {
    expect(parseExpr("- 5")).toEqual({ kind: "number", value: -5, pos: { start: 0, end: 3 } });
  });

  test("reads group_left with fill values", () => {
    expect(shape(parseExpr("a + on(x) group_left(y) fill(0) b"))).toMatchObject({
      matching: { card: "many-to-one", on: true, matchingLabels: ["x"], include: ["y"], fillLeft: 0, fillRight: 0 },
    });
  });

  test("reads a quoted metric name in braces as a __name__ matcher", () => {
    expect(shape(parseExpr('{"my.metric", a=~"x"}'))).toEqual({
      kind: "vectorSelector",
      name: "",
      matchers: [
        { type: "=", name: "__name__", value: "my.metric" },
        { type: "=~", name: "a", value: "x" },
      ],
    });
  });

  test("refuses a second metric name in braces", () => {
    expect(() => parseExpr('foo{"bar"}')).toThrow('1:1: parse error: metric name must not be set twice: "foo" or "bar"');
  });

  test("reads offset as a metric name where Prometheus does", () => {
    expect(shape(parseExpr('offset{step="1s"}[5m] offset 1m'))).toMatchObject({
      kind: "matrixSelector",
      selector: { name: "offset", offset: { kind: "durationLiteral", ms: 60_000 } },
    });
  });

  test("reports an unfinished expression at its end", () => {
    expect(() => parseExpr("1 +")).toThrow("1:4: parse error: unexpected end of input");
  });
});
