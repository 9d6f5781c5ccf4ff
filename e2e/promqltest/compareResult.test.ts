import { describe, expect, test } from "vitest";
import { labelsFromRecord } from "@/server/metrics/model/labels";
import type { NativeHistogram } from "@/server/metrics/model/sample";
import type { QueryValue } from "@/server/metrics/promql/values";
import { almostEqual } from "./almostEqual";
import { histogramsMatch } from "./compareHistograms";
import { compareResult } from "./compareResult";
import { parseScript } from "./parseScript";
import type { EvalCommand } from "./scriptTypes";

function evalOf(text: string): EvalCommand {
  return parseScript(text).commands[0] as EvalCommand;
}

function vector(...samples: [Record<string, string>, number][]): QueryValue {
  return { resultType: "vector", result: samples.map(([labels, value]) => ({ labels: labelsFromRecord(labels), t: 0, value })) };
}

describe("almostEqual", () => {
  test("allows a relative error below one in a million", () => {
    expect(almostEqual(1_000_000, 1_000_000.5)).toBe(true);
    expect(almostEqual(1, 1.00001)).toBe(false);
  });

  test("treats NaN as equal to NaN but not to a number, and infinities exactly", () => {
    expect(almostEqual(NaN, NaN)).toBe(true);
    expect(almostEqual(NaN, 0)).toBe(false);
    expect(almostEqual(Infinity, Infinity)).toBe(true);
    expect(almostEqual(Infinity, -Infinity)).toBe(false);
  });

  test("near zero only an almost-nothing difference passes", () => {
    expect(almostEqual(0, 1e-12)).toBe(false);
    expect(almostEqual(0, -0)).toBe(true);
  });
});

describe("compareResult", () => {
  const unordered = evalOf('eval instant at 0 m\n  m{a="1"} 1\n  m{a="2"} 2\n');
  const ordered = evalOf('eval instant at 0 m\n  expect ordered\n  m{a="1"} 1\n  m{a="2"} 2\n');

  test("accepts a vector in any order unless the eval expects order", () => {
    const reversed = vector([{ __name__: "m", a: "2" }, 2], [{ __name__: "m", a: "1" }, 1]);
    expect(compareResult(unordered, reversed)).toBeNull();
    expect(compareResult(ordered, reversed)).toMatch(/at position 2 but was at 1/);
  });

  test("names a wrong value, a missing series and an unexpected one", () => {
    expect(compareResult(unordered, vector([{ __name__: "m", a: "1" }, 1], [{ __name__: "m", a: "2" }, 2.1]))).toMatch(/expected 2 for m\{a="2"\} but got 2.1/);
    expect(compareResult(unordered, vector([{ __name__: "m", a: "1" }, 1]))).toMatch(/m\{a="2"\} with 2 not found/);
    expect(compareResult(unordered, vector([{ __name__: "m", a: "3" }, 1]))).toMatch(/unexpected metric m\{a="3"\}/);
  });

  test("compares scalars within tolerance and NaN with NaN", () => {
    expect(compareResult(evalOf("eval instant at 0 x\n  1\n"), { resultType: "scalar", t: 0, value: 1 + 1e-9 })).toBeNull();
    expect(compareResult(evalOf("eval instant at 0 x\n  NaN\n"), { resultType: "scalar", t: 0, value: NaN })).toBeNull();
    expect(compareResult(evalOf("eval instant at 0 x\n  NaN\n"), { resultType: "scalar", t: 0, value: 0 })).toMatch(/expected scalar NaN but got 0/);
    expect(compareResult(unordered, { resultType: "scalar", t: 0, value: 1 })).toMatch(/expected vector or matrix result/);
  });

  test("checks a range result point by point, skipping _ and requiring sorted series", () => {
    const cmd = evalOf('eval range from 0 to 2m step 1m m\n  m{a="1"} 1 _ 3\n');
    const series = (floats: { t: number; value: number }[]) => ({ labels: labelsFromRecord({ __name__: "m", a: "1" }), floats });
    expect(compareResult(cmd, { resultType: "matrix", result: [series([{ t: 0, value: 1 }, { t: 120_000, value: 3 }])] })).toBeNull();
    expect(compareResult(cmd, { resultType: "matrix", result: [series([{ t: 0, value: 1 }, { t: 60_000, value: 3 }])] })).toMatch(/to have timestamp 120000, but it had timestamp 60000/);
    expect(compareResult(cmd, { resultType: "matrix", result: [series([{ t: 0, value: 1 }])] })).toMatch(/expected 2 float points and 0 histogram points/);
    const unsorted = evalOf('eval range from 0 to 0 step 1m m\n  m{a="1"} 1\n  m{a="2"} 1\n');
    const s = (a: string) => ({ labels: labelsFromRecord({ __name__: "m", a }), floats: [{ t: 0, value: 1 }] });
    expect(compareResult(unsorted, { resultType: "matrix", result: [s("2"), s("1")] })).toMatch(/should always be sorted/);
  });

  test("refuses a matrix for an instant eval that did not ask for a range vector", () => {
    const matrix: QueryValue = { resultType: "matrix", result: [{ labels: labelsFromRecord({ __name__: "m", a: "1" }), floats: [{ t: 0, value: 1 }] }] };
    expect(compareResult(evalOf('eval instant at 0 m[1m]\n  m{a="1"} 1\n'), matrix)).toMatch(/cannot return this many points/);
  });

  test("compares strings exactly", () => {
    const cmd = evalOf('eval instant at 0 "a"\n  expect string "a"\n');
    expect(compareResult(cmd, { resultType: "string", t: 0, value: "a" })).toBeNull();
    expect(compareResult(cmd, { resultType: "string", t: 0, value: "b" })).toMatch(/expected string "a" but got "b"/);
  });
});

describe("histogramsMatch", () => {
  const base: NativeHistogram = {
    counterResetHint: "unknown",
    schema: 0,
    zeroThreshold: 0,
    zeroCount: 0,
    count: 3,
    sum: 4,
    positiveSpans: [{ offset: 0, length: 2 }],
    positiveBuckets: [1, 2],
    negativeSpans: [],
    negativeBuckets: [],
  };

  test("ignores empty buckets and how the spans are cut", () => {
    const spread = { ...base, positiveSpans: [{ offset: 0, length: 1 }, { offset: 0, length: 2 }], positiveBuckets: [1, 2, 0] };
    expect(histogramsMatch(base, spread, false)).toBe(true);
  });

  test("compares counts within tolerance, buckets by index, and the hint only when the script wrote it", () => {
    expect(histogramsMatch(base, { ...base, count: 3.0000000001 }, false)).toBe(true);
    expect(histogramsMatch(base, { ...base, positiveSpans: [{ offset: 1, length: 2 }] }, false)).toBe(false);
    expect(histogramsMatch(base, { ...base, counterResetHint: "gauge" }, false)).toBe(true);
    expect(histogramsMatch(base, { ...base, counterResetHint: "gauge" }, true)).toBe(false);
    expect(histogramsMatch(base, { ...base, schema: 1 }, false)).toBe(false);
  });
});
