import { describe, expect, test } from "vitest";
import { madOverTime, quantileOf, quantileOverTime } from "./quantile";
import { SECOND, windowOf } from "./windowFixture";

describe("quantileOf", () => {
  // aggregators.test:503-516: NaN sorts as the smallest value.
  test.each([
    [0.8, [0, 1], 0.8],
    [0.8, [0, 1, 2], 1.6],
    [0.8, [0, 1, 4], 2.8],
    [0.8, [0, 1, NaN], 0.6],
    [0.2, [0, 1], 0.2],
    [0.2, [2, 1, 0], 0.4],
    [0.2, [0, 1, 4], 0.4],
    [0.2, [0, 1, NaN], NaN],
  ])("quantile %d of %j is %d", (q, values, expected) => {
    const actual = quantileOf(q, values);
    if (Number.isNaN(expected)) expect(actual).toBeNaN();
    else expect(actual).toBeCloseTo(expected, 12);
  });

  test("is ±Inf outside [0, 1] and NaN for NaN or no values", () => {
    expect(quantileOf(-1, [1, 2])).toBe(-Infinity);
    expect(quantileOf(2, [1, 2])).toBe(Infinity);
    expect(quantileOf(NaN, [1, 2])).toBeNaN();
    expect(quantileOf(0.5, [])).toBeNaN();
  });

  test("leaves the caller's array unsorted", () => {
    const values = [3, 1, 2];
    quantileOf(0.5, values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("quantileOverTime", () => {
  const windows = {
    two: "0 1",
    three: "0 1 2",
    uneven: "0 1 4",
  };
  const at1m = (load: string, q: number) => {
    const { window, ctx } = windowOf(load, 10 * SECOND, 60 * SECOND, 120 * SECOND);
    return quantileOverTime(window, ctx, [q]);
  };

  // functions.test:1381-1428.
  test.each([
    [0, 0, 0, 0],
    [0.5, 0.5, 1, 1],
    [0.75, 0.75, 1.5, 2.5],
    [0.8, 0.8, 1.6, 2.8],
    [1, 1, 2, 4],
    [-1, -Infinity, -Infinity, -Infinity],
    [2, Infinity, Infinity, Infinity],
  ])("quantile %d over the window", (q, two, three, uneven) => {
    expect(at1m(windows.two, q)).toBeCloseTo(two, 12);
    expect(at1m(windows.three, q)).toBeCloseTo(three, 12);
    expect(at1m(windows.uneven, q)).toBeCloseTo(uneven, 12);
  });

  test("does not reorder the stored samples", () => {
    const { window, ctx } = windowOf("3 1 2", 10 * SECOND, 20 * SECOND, 60 * SECOND);
    quantileOverTime(window, ctx, [0.5]);
    expect(Array.from(window.v.subarray(window.from, window.to))).toEqual([3, 1, 2]);
  });
});

describe("madOverTime", () => {
  const mad = (load: string, evalS: number, rangeS: number) =>
    madOverTime(windowOf(load, 10 * SECOND, evalS * SECOND, rangeS * SECOND).window);

  // functions.test:1276-1309.
  test("is the median distance from the median", () => {
    expect(mad("4 6 2 1 999 1 2", 70, 70)).toBe(1);
    expect(mad("1 2 3 4 5", 40, 50)).toBe(1);
    expect(mad("7 7 7 7 7", 40, 50)).toBe(0);
    expect(mad("5", 0, 10)).toBe(0);
  });

  test("is NaN when the window holds a NaN", () => {
    expect(mad("1 2 NaN 4", 30, 40)).toBeNaN();
  });
});
