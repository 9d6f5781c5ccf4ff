import { describe, expect, test } from "vitest";
import { formatExpr, goFloat } from "./formatExpr";
import { parseExpr } from "./parseExpr";
import { comparableAst } from "./testing/comparableAst";

const canonical: [string, string][] = [
  ["sum by(job)(rate(foo[5m]))", "sum by (job) (rate(foo[5m]))"],
  ["sum(rate(foo[5m])) without (a,b)", "sum without (a, b) (rate(foo[5m]))"],
  ["sum by () (x)", "sum(x)"],
  ['topk(3, foo{b="2", a=~"1"})', 'topk(3, foo{a=~"1",b="2"})'],
  ["foo offset 1h30m", "foo offset 1h30m"],
  ["foo offset -90m", "foo offset -1h30m"],
  ["foo[1800]", "foo[30m]"],
  ["foo[2m*15]", "foo[2m * 15]"],
  ["foo[(1m+2m)*3:]", "foo[(1m + 2m) * 3:]"],
  ["foo @ 100", "foo @ 100.000"],
  ["rate(foo[5m] @ end() offset 1m)", "rate(foo[5m] @ end() offset 1m)"],
  ["rate(foo[5m]) [10m:1m] @ start()", "rate(foo[5m])[10m:1m] @ start()"],
  ["a + on(x) group_left(y) b", "a + on (x) group_left (y) b"],
  ["a + ignoring(x) fill_left(1) b", "a + ignoring (x) fill_left (1) b"],
  ["a > bool b", "a > bool b"],
  ["a and on() b", "a and on () b"],
  ['{"my.metric", a="b"}', '{__name__="my.metric",a="b"}'],
  ['{"a.b"="c"}', '{"a.b"="c"}'],
  ["1m", "1m"],
  ["0x10 + 1e3", "16 + 1000"],
  ["'a\\'b'", '"a\'b"'],
  ["-foo", "-foo"],
  ["changes(metric[5m] anchored)", "changes(metric[5m] anchored)"],
  ["metric smoothed offset 5m", "metric smoothed offset 5m"],
  ["foo offset (step() * 2)", "foo offset (step() * 2)"],
  ["count_over_time(m[min_of(step()+1, 1h)])", "count_over_time(m[min_of(step() + 1, 1h)])"],
];

describe("formatExpr", () => {
  test.each(canonical)("prints %s as %s", (query, expected) => {
    expect(formatExpr(parseExpr(query))).toBe(expected);
  });

  test.each(canonical)("round-trips %s", (query) => {
    const parsed = parseExpr(query);
    expect(comparableAst(parseExpr(formatExpr(parsed)))).toEqual(comparableAst(parsed));
  });

  test("prints fill values the way Go's %v does", () => {
    expect([goFloat(0), goFloat(1.5), goFloat(1e6), goFloat(123456), goFloat(0.00001), goFloat(-Infinity), goFloat(NaN)]).toEqual([
      "0", "1.5", "1e+06", "123456", "1e-05", "-Inf", "NaN",
    ]);
  });
});
