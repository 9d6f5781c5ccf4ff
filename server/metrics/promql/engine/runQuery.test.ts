import { describe, expect, test } from "vitest";
import type { Expr } from "../ast";
import type { QueryValue } from "../values";
import { runQuery } from "./runQuery";
import { arrayQuerier, series, STALE } from "./testing/arrayQuerier";
import { agg, bin, call, num, range, sel } from "./testing/ast";

const m = 60_000;
const querier = arrayQuerier([
  series({ __name__: "http_requests_total", job: "api", instance: "a" }, m, [0, 10, 20, 30, 40, 50]),
  series({ __name__: "http_requests_total", job: "api", instance: "b" }, m, [0, 20, 40, 60, 80, 100]),
  series({ __name__: "http_requests_total", job: "db", instance: "a" }, m, [5, 5, 5, STALE]),
]);

function instant(expr: Expr, t: number): QueryValue {
  return runQuery({ expr, query: "q", querier, start: t, end: t, step: 0 }).value;
}

function vectorOf(v: QueryValue): Record<string, number> {
  if (v.resultType !== "vector") throw new Error(`expected a vector, got ${v.resultType}`);
  return Object.fromEntries(v.result.map((s) => [s.labels.map((l) => `${l.name}=${l.value}`).join(","), s.value!]));
}

describe("runQuery", () => {
  test("an instant selector takes the newest sample within the lookback, and a stale marker ends the series", () => {
    expect(vectorOf(instant(sel("http_requests_total", { instance: "a" }), 3 * m + 30_000))).toEqual({
      "__name__=http_requests_total,instance=a,job=api": 30,
    });
    expect(vectorOf(instant(sel("http_requests_total", { job: "db" }), 2 * m))).toEqual({
      "__name__=http_requests_total,instance=a,job=db": 5,
    });
    expect(vectorOf(instant(sel("http_requests_total", { instance: "b" }), 11 * m))).toEqual({});
  });

  test("sum by job of a rate drops the name and groups", () => {
    const expr = agg("sum", call("rate", range(sel("http_requests_total"), 5 * m)), ["job"]);
    const got = vectorOf(instant(expr, 5 * m));
    expect(got["job=api"]).toBeCloseTo(0.5, 9);
  });

  test("a range query evaluates every step and sorts the series by labels", () => {
    const v = runQuery({ expr: bin("*", sel("http_requests_total", { job: "api" }), num(2)), query: "q", querier, start: 0, end: 2 * m, step: m }).value;
    expect(v.resultType).toBe("matrix");
    if (v.resultType !== "matrix") return;
    expect(v.result.map((s) => s.labels.map((l) => l.value).join(","))).toEqual(["a,api", "b,api"]);
    expect(v.result[1]!.floats).toEqual([{ t: 0, value: 0 }, { t: m, value: 40 }, { t: 2 * m, value: 80 }]);
  });

  test("one-to-one matching refuses many-to-one without group_left", () => {
    const expr = bin("+", sel("http_requests_total"), agg("sum", sel("http_requests_total"), ["instance"]), { on: true, matchingLabels: ["instance"] });
    expect(() => instant(expr, 2 * m)).toThrow("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
    const grouped = bin("/", sel("http_requests_total"), agg("sum", sel("http_requests_total"), ["instance"]), {
      on: true, matchingLabels: ["instance"], card: "many-to-one",
    });
    expect(vectorOf(instant(grouped, 2 * m))).toEqual({
      "instance=a,job=api": 0.8,
      "instance=a,job=db": 0.2,
      "instance=b,job=api": 1,
    });
  });

  test("topk keeps whole series with their names", () => {
    expect(vectorOf(instant(agg("topk", sel("http_requests_total"), [], false, num(1)), 2 * m))).toEqual({
      "__name__=http_requests_total,instance=b,job=api": 40,
    });
  });

  test("the max-samples limit ends the query with Prometheus's words", () => {
    const run = () => runQuery({ expr: sel("http_requests_total"), query: "q", querier, start: 0, end: 5 * m, step: m, options: { limits: { maxSamples: 5 } } });
    expect(run).toThrow("query processing would load too many samples into memory in query execution");
  });

  test("a range query over a range vector is refused as bad data before anything is evaluated", () => {
    const limits = { maxSamples: 1 };
    const run = () => runQuery({ expr: range(sel("http_requests_total"), 5 * m), query: "q", querier, start: 0, end: 5 * m, step: m, options: { limits } });
    expect(run).toThrow('invalid expression type "range vector" for range query, must be Scalar or instant Vector');
  });
});
