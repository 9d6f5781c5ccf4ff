import { describe, expect, test } from "vitest";
import { labelsFromRecord } from "@/server/metrics/model/labels";
import type { QueryValue } from "@/server/metrics/promql/values";
import { compareOutcomes, describeOutcome, sameFloat } from "./compareOutcomes";
import type { QueryOutcome } from "./referenceAnswer";

const ok = (value: QueryValue): QueryOutcome => ({ ok: true, value, warnings: [], infos: [] });
const vector = (...samples: [Record<string, string>, number][]): QueryOutcome =>
  ok({ resultType: "vector", result: samples.map(([labels, value]) => ({ labels: labelsFromRecord(labels), t: 1000, value })) });
const matrix = (...series: [Record<string, string>, [number, number][]][]): QueryOutcome =>
  ok({ resultType: "matrix", result: series.map(([labels, points]) => ({ labels: labelsFromRecord(labels), floats: points.map(([t, value]) => ({ t, value })) })) });

describe("sameFloat", () => {
  test("accepts a difference within 1e-9 relative and refuses a larger one", () => {
    expect(sameFloat(1, 1 + 5e-10)).toBe(true);
    expect(sameFloat(1e12, 1e12 + 1)).toBe(true);
    expect(sameFloat(1, 1 + 2e-9)).toBe(false);
  });
  test("NaN equals NaN, infinities equal themselves, and zero is not a tiny number", () => {
    expect(sameFloat(NaN, NaN)).toBe(true);
    expect(sameFloat(NaN, 0)).toBe(false);
    expect(sameFloat(Infinity, Infinity)).toBe(true);
    expect(sameFloat(Infinity, -Infinity)).toBe(false);
    expect(sameFloat(0, 1e-300)).toBe(false);
  });
});

describe("compareOutcomes", () => {
  test("errors agree by type, not by text", () => {
    const a: QueryOutcome = { ok: false, errorType: "execution", message: "many-to-many matching not allowed" };
    const b: QueryOutcome = { ok: false, errorType: "execution", message: "other words" };
    expect(compareOutcomes(a, b)).toBeUndefined();
    expect(compareOutcomes(a, { ok: false, errorType: "bad_data", message: "" })).toMatch(/error types differ/);
    expect(compareOutcomes(a, vector())).toMatch(/Orrery failed with execution/);
    expect(compareOutcomes(vector(), a)).toMatch(/reference failed with execution/);
  });

  test("vectors are compared as sets of series unless the query sorts", () => {
    const ab = vector([{ pod: "a" }, 1], [{ pod: "b" }, 2]);
    const ba = vector([{ pod: "b" }, 2], [{ pod: "a" }, 1]);
    expect(compareOutcomes(ab, ba)).toBeUndefined();
    expect(compareOutcomes(ab, ba, true)).toMatch(/order differs at position 0/);
  });

  test("reports a series on one side only, and a value that differs", () => {
    expect(compareOutcomes(vector([{ pod: "a" }, 1]), vector([{ pod: "b" }, 1]))).toMatch(/only in Orrery's result: \{pod="a"\}/);
    expect(compareOutcomes(vector([{ pod: "a" }, 1]), vector([{ pod: "a" }, 1], [{ pod: "b" }, 1]))).toMatch(/only in the reference's result/);
    expect(compareOutcomes(vector([{ pod: "a" }, 1]), vector([{ pod: "a" }, 1.5]))).toMatch(/values differ: 1 vs 1.5/);
  });

  test("matrices must have the same points at the same timestamps", () => {
    const base = matrix([{ pod: "a" }, [[0, 1], [15, 2]]]);
    expect(compareOutcomes(base, matrix([{ pod: "a" }, [[0, 1], [15, 2]]]))).toBeUndefined();
    expect(compareOutcomes(base, matrix([{ pod: "a" }, [[0, 1]]]))).toMatch(/2 vs 1 points/);
    expect(compareOutcomes(base, matrix([{ pod: "a" }, [[0, 1], [30, 2]]]))).toMatch(/timestamps differ: 15 vs 30/);
  });

  test("scalars, strings and result types", () => {
    expect(compareOutcomes(ok({ resultType: "scalar", t: 5, value: NaN }), ok({ resultType: "scalar", t: 5, value: NaN }))).toBeUndefined();
    expect(compareOutcomes(ok({ resultType: "scalar", t: 5, value: 1 }), ok({ resultType: "scalar", t: 6, value: 1 }))).toMatch(/timestamps differ/);
    expect(compareOutcomes(ok({ resultType: "string", t: 5, value: "x" }), ok({ resultType: "string", t: 5, value: "y" }))).toMatch(/strings differ/);
    expect(compareOutcomes(vector(), matrix())).toMatch(/result types differ: vector vs matrix/);
  });

  test("a result with two series of one label set is refused", () => {
    expect(compareOutcomes(vector([{ pod: "a" }, 1], [{ pod: "a" }, 2]), vector([{ pod: "a" }, 1]))).toMatch(/two series with one label set/);
  });
});

describe("describeOutcome", () => {
  test("shortens long results and writes labels in Prometheus's text form", () => {
    const many = vector(...Array.from({ length: 100 }, (_, i): [Record<string, string>, number] => [{ pod: `p${i}` }, i]));
    const text = describeOutcome(many, 200);
    expect(text).toContain('{pod=\\"p0\\"}');
    expect(text).toMatch(/… \(\d+ chars\)$/);
    expect(describeOutcome({ ok: false, errorType: "bad_data", message: "1:5: parse error" })).toBe("error bad_data: 1:5: parse error");
  });
  test("matches count_values labels that differ only in the last bit of a transcendental function", () => {
    expect(compareOutcomes(vector([{ value: "0.8427638587087598" }, 1]), vector([{ value: "0.8427638587087597" }, 1]))).toBeUndefined();
    expect(compareOutcomes(vector([{ value: "0.8427638587" }, 1]), vector([{ value: "0.8427638588" }, 1]))).toMatch(/only in Orrery/);
    expect(compareOutcomes(vector([{ pod: "a-12345678901234567" }, 1]), vector([{ pod: "a-12345678901234568" }, 1]))).toMatch(/only in Orrery/);
    expect(compareOutcomes(vector([{ value: "10149775802271027000000000000" }, 1]), vector([{ value: "10149775802271025000000000000" }, 1]))).toBeUndefined();
    // Two values that are equal to 12 digits stay two series when both sides have both.
    const both = vector([{ value: "2" }, 1], [{ value: "2.0000000000000004" }, 3]);
    expect(compareOutcomes(both, vector([{ value: "2.0000000000000004" }, 3], [{ value: "2" }, 1]))).toBeUndefined();
    expect(compareOutcomes(both, vector([{ value: "2.0000000000000004" }, 1], [{ value: "2" }, 3]))).toMatch(/values differ/);
  });
});
