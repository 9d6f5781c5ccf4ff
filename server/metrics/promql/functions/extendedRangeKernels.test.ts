import { describe, expect, test } from "vitest";
import {
  type ExtendedModifier,
  extendedModifierError,
  extendedRangeKernels,
  smoothedValueAt,
} from "./extendedRangeKernels";
import { MINUTE, SECOND, extendedWindowOf } from "./windowFixture";

function run(modifier: ExtendedModifier, fn: string, load: string, stepMs: number, evalMs: number, rangeMs: number) {
  const kernel = extendedRangeKernels[modifier][fn];
  if (!kernel) throw new Error(`no ${modifier} kernel ${fn}`);
  const { window, ctx } = extendedWindowOf(load, stepMs, evalMs, rangeMs, modifier === "smoothed");
  return kernel(window, ctx, []);
}

const seconds = [5, 20, 35, 50, 65, 80, 95, 110, 125];

describe("anchored and smoothed increase on the PROM-52 datasets", () => {
  // extended_vectors.test:3-95.
  test("complete dataset", () => {
    const load = "1+1x4 9+1x4";
    const anchored = seconds.map((s) => run("anchored", "increase", load, 15 * SECOND, s * SECOND, MINUTE));
    expect(anchored).toEqual([0, 1, 2, 3, 4, 7, 7, 7, 7]);
    const smoothed = seconds.map((s) => run("smoothed", "increase", load, 15 * SECOND, s * SECOND, MINUTE));
    [1 / 3, 4 / 3, 7 / 3, 10 / 3, 5, 7, 7, 7, 6].forEach((expected, i) => expect(smoothed[i]).toBeCloseTo(expected, 9));
  });

  // extended_vectors.test:97-180.
  test("partial dataset", () => {
    const load = "1+1x2 _ _ 9+1x4";
    const anchored = seconds.map((s) => run("anchored", "increase", load, 15 * SECOND, s * SECOND, MINUTE));
    expect(anchored).toEqual([0, 1, 2, 2, 2, 7, 7, 8, 9]);
    const smoothed = seconds.map((s) => run("smoothed", "increase", load, 15 * SECOND, s * SECOND, MINUTE));
    const expected = [1 / 3, 4 / 3, 8 / 3, 14 / 3, 19 / 3, 7, 20 / 3, 17 / 3, 14 / 3];
    expected.forEach((value, i) => expect(smoothed[i]).toBeCloseTo(value, 9));
  });

  // extended_vectors.test:182-191: nothing inside (1m, 2m], yet smoothed sees both neighbours.
  test("the window stays left-open", () => {
    expect(run("smoothed", "increase", "1 2 _ 4 5", MINUTE, 2 * MINUTE, MINUTE)).toBe(1);
    expect(run("anchored", "increase", "1 2 _ 4 5", MINUTE, 2 * MINUTE, MINUTE)).toBeUndefined();
  });
});

describe("counter resets and gauges", () => {
  const series = ["1+1x4 1+1x4", "3 2+2x9", "5+3x2 3+3x6"];
  const each = (modifier: ExtendedModifier, fn: string, evalMs: number, rangeMs: number) =>
    series.map((load) => run(modifier, fn, load, MINUTE, evalMs, rangeMs));

  // extended_vectors.test:193-246.
  test("increase adds back the value before a reset", () => {
    expect(each("smoothed", "increase", 90 * SECOND, MINUTE)).toEqual([1, 2, 3]);
    expect(each("anchored", "increase", 90 * SECOND, MINUTE)).toEqual([1, 2, 3]);
    const late = each("smoothed", "increase", 6 * MINUTE + 15 * SECOND, 5 * MINUTE);
    [5, 10, 15].forEach((expected, i) => expect(late[i]).toBeCloseTo(expected, 9));
    expect(each("smoothed", "increase", 6 * MINUTE, 5 * MINUTE)).toEqual([5, 10, 15]);
    expect(each("anchored", "increase", 5 * MINUTE, 5 * MINUTE)).toEqual([5, 10, 15]);
    expect(each("anchored", "increase", 15 * MINUTE, 5 * MINUTE)).toEqual([undefined, undefined, undefined]);
  });

  // extended_vectors.test:208-221: delta never corrects resets.
  test("anchored delta is the plain difference of the boundary values", () => {
    expect(each("anchored", "delta", 90 * SECOND, MINUTE)).toEqual([1, -1, 3]);
    expect(each("anchored", "delta", 3 * MINUTE, MINUTE)).toEqual([1, 2, -8]);
    expect(each("anchored", "delta", 3 * MINUTE + 30 * SECOND, MINUTE)).toEqual([1, 2, -8]);
  });

  // extended_vectors.test:248-259.
  test("smoothed delta interpolates both boundaries", () => {
    const gauges = ["11 -1 100 0", "0 0 100 0 0 11 -1"];
    expect(gauges.map((g) => run("smoothed", "delta", g, MINUTE, 5 * MINUTE + 30 * SECOND, 5 * MINUTE))).toEqual([-5, 5]);
    expect(gauges.map((g) => run("smoothed", "delta", g, MINUTE, 5 * MINUTE + 45 * SECOND, 5 * MINUTE))).toEqual([-2, 2]);
  });

  // extended_vectors.test:367-378: interpolating across a reset restarts the counter at 0.
  test("smoothed boundaries across a reset", () => {
    expect(run("smoothed", "increase", "9 8 5 4", MINUTE, 2 * MINUTE + 15 * SECOND, 2 * MINUTE)).toBeCloseTo(12, 12);
    expect(run("smoothed", "rate", "100 10", 15 * SECOND, 12 * SECOND, 10 * SECOND)).toBeCloseTo(0.666666666666667, 12);
  });

  // Float counterparts of the histogram reset cases, extended_vectors.test:575-651.
  test("resets at and next to the boundaries are counted once", () => {
    expect(run("smoothed", "rate", "5 10 3", 10 * SECOND, 15 * SECOND, 10 * SECOND)).toBeCloseTo(0.4, 12);
    expect(run("anchored", "increase", "5 10 3", 30 * SECOND, 70 * SECOND, 70 * SECOND)).toBe(8);
    expect(run("anchored", "increase", "5 3", 30 * SECOND, 30 * SECOND, 30 * SECOND)).toBe(3);
    expect(run("smoothed", "increase", "10 5 2 4", 10 * SECOND, 15 * SECOND, 14 * SECOND)).toBeCloseTo(5.5, 12);
    expect(run("smoothed", "increase", "10 5", 20 * SECOND, 15 * SECOND, 10 * SECOND)).toBeCloseTo(2.5, 12);
    expect(run("smoothed", "rate", "_ 396 110 194", 10 * SECOND, 20_500, SECOND)).toBeCloseTo(9.7, 9);
  });

  // extended_vectors.test:423-436.
  test("smoothed needs samples on both sides of the window start and end", () => {
    expect(run("smoothed", "rate", "_ 5+1x4", 10 * SECOND, 5 * SECOND, 5 * SECOND)).toBeUndefined();
    expect(run("smoothed", "increase", "_ 5+1x4", 10 * SECOND, 15 * SECOND, 10 * SECOND)).toBe(0.5);
    expect(run("smoothed", "rate", "_ 5+1x4", 10 * SECOND, 60 * SECOND, 5 * SECOND)).toBeUndefined();
  });
});

describe("anchored changes and resets", () => {
  const series = ["1+1x10", "1 1+1x10", "99-1x10", "99 99-1x10"];
  const each = (fn: string, evalMs: number) => series.map((load) => run("anchored", fn, load, MINUTE, evalMs, 5 * MINUTE));

  // extended_vectors.test:275-310: the anchor adds the transition into the window.
  test("count the transition from the anchor", () => {
    expect(each("changes", 5 * MINUTE)).toEqual([5, 4, 5, 4]);
    expect(each("changes", 6 * MINUTE)).toEqual([5, 5, 5, 5]);
    expect(each("changes", 5 * MINUTE + 30 * SECOND)).toEqual([5, 4, 5, 4]);
    expect(each("resets", 5 * MINUTE + 30 * SECOND)).toEqual([0, 0, 5, 4]);
  });

  // extended_vectors.test:312-365: the anchor must be younger than the lookback.
  test("ignore anchors older than the lookback", () => {
    const sparse = "2 _ 1 _ _ _ _ _ 0";
    const at = (fn: string, evalMs: number, rangeMs: number) => run("anchored", fn, sparse, MINUTE, evalMs, rangeMs);
    expect([at("changes", 2 * MINUTE, MINUTE), at("resets", 2 * MINUTE, MINUTE)]).toEqual([1, 1]);
    expect(at("changes", 3 * MINUTE, MINUTE)).toBeUndefined();
    expect([at("changes", 8 * MINUTE, MINUTE), at("resets", 8 * MINUTE, MINUTE)]).toEqual([0, 0]);
    expect([at("changes", 8 * MINUTE, MINUTE + 1), at("resets", 8 * MINUTE, MINUTE + 1)]).toEqual([1, 1]);
  });
});

describe("extendedModifierError", () => {
  // extended_vectors.test:380-411.
  test("names the functions that accept the modifier", () => {
    expect(extendedModifierError("smoothed", "deriv")).toBe(
      "smoothed modifier can only be used with: delta, increase, rate - not with deriv",
    );
    expect(extendedModifierError("anchored", "max_over_time")).toBe(
      "anchored modifier can only be used with: changes, delta, increase, rate, resets - not with max_over_time",
    );
    expect(extendedModifierError("anchored", "resets")).toBeUndefined();
    expect(extendedModifierError("smoothed", "rate")).toBeUndefined();
  });
});

describe("smoothedValueAt", () => {
  function valueAt(load: string, atMs: number) {
    const { window } = extendedWindowOf(load, 10 * SECOND, atMs, 0, true);
    return smoothedValueAt(window, atMs);
  }

  // extended_vectors.test:398-421.
  test("interpolates between neighbours and carries the last value forward", () => {
    expect(valueAt("1+1x10", 10 * SECOND)).toBe(2);
    expect(valueAt("1+1x10", 15 * SECOND)).toBe(2.5);
    expect(valueAt("1+1x10", 5 * SECOND)).toBe(1.5);
    expect(valueAt("1+1x10", 105 * SECOND)).toBe(11);
    expect(valueAt("1+1x4 1+1x5", 45 * SECOND)).toBe(3);
    expect(valueAt("0 5 100 2 8", 30 * SECOND)).toBe(2);
  });

  test("has no value before the first sample", () => {
    expect(valueAt("_ 1", 5 * SECOND)).toBeUndefined();
  });
});
