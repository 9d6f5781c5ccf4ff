import { describe, expect, test } from "vitest";
import { rangeKernels } from "./rangeKernels";
import { MINUTE, SECOND, relativeError, windowOf } from "./windowFixture";

function run(name: string, load: string, stepMs: number, evalMs: number, rangeMs: number) {
  const kernel = rangeKernels[name];
  if (!kernel) throw new Error(`no kernel ${name}`);
  const { window, ctx } = windowOf(load, stepMs, evalMs, rangeMs);
  return kernel(window, ctx, []);
}

const at55s = (name: string, load: string, stepMs = 10 * SECOND) => run(name, load, stepMs, 55 * SECOND, MINUTE);

describe("avg_over_time", () => {
  // functions.test:957-962.
  test("averages one or all samples", () => {
    expect(run("avg_over_time", "1 2 3 4 5", 10 * SECOND, 55 * SECOND, 20 * SECOND)).toBe(5);
    expect(at55s("avg_over_time", "1 2 3 4 5")).toBe(3);
  });

  // functions.test:967-1025.
  test.each([
    ["1 2 3 4 Inf", Infinity],
    ["1 2 3 4 -Inf", -Infinity],
    ["1 2 3 Inf -Inf", NaN],
    ["Inf 0 Inf", Infinity],
    ["Inf Inf Inf -Inf", NaN],
    ["1 2 3 -Inf -Inf", -Infinity],
    ["-Inf 0 -Inf", -Infinity],
    ["-Inf -Inf -Inf Inf", NaN],
    ["1 2 -Inf -Inf Inf", NaN],
  ])("follows IEEE rules for infinities in %s", (load, expected) => {
    expect(at55s("avg_over_time", load)).toBe(expected);
  });

  // functions.test:1027-1045: the sum would overflow, the mean does not.
  test.each([
    ["9.988465674311579e+307 9.988465674311579e+307", 9.988465674311579e307],
    ["-9.988465674311579e+307 -9.988465674311579e+307 -9.988465674311579e+307", -9.988465674311579e307],
    ["-9.988465674311579e+307 9.988465674311579e+307", 0],
  ])("avoids overflow for %s", (load, expected) => {
    expect(at55s("avg_over_time", load)).toBe(expected);
    expect(at55s("sum_over_time", load)).toBe(expected === 0 ? 0 : expected * Infinity);
  });

  // functions.test:1048-1055.
  test("turns NaN once a NaN sample is in the window", () => {
    expect(run("avg_over_time", "1 2 3 NaN NaN", 10 * SECOND, 20 * SECOND, MINUTE)).toBe(2);
    expect(run("avg_over_time", "1 2 3 NaN NaN", 10 * SECOND, 30 * SECOND, MINUTE)).toBeNaN();
  });

  // functions.test:1093-1150: compensated summation across magnitudes.
  test.each([
    ["1e10 1e-6 1e-6 1e-6 1e-6 1e-6", 1.6666666666666675e9, 1e-15],
    ["5.30921651659898 0.961118537914768 1.62091361305318 0.865089463758091 0.323055185914577 0.951811357687154", 1.67186744582113, 1e-13],
    ["1.78264e50 0.76342771 1.9592258 7.69805412 458.90154", 3.56528e49, 1e-6],
    ["0.76342771 1.9592258 7.69805412 1.78264e50 458.90154", 3.56528e49, 1e-6],
    ["1.78264E+50 0.76342771 1.9592258 2.258E+220 7.69805412 458.90154", 3.76333333333333e219, 1e-13],
    ["-1.78264E+50 0.76342771 1.9592258 -2.258E+220 7.69805412 -458.90154", -3.76333333333333e219, 1e-13],
    ["-1.78264E+215 0.76342771 1.9592258 2.258E+220 7.69805412 -458.90154", 3.76330362266667e219, 1e-13],
    ["-1.78264E+215 0.76342771 1.9592258 2.258E+220 7.69805412 1.78264E+215 -458.90154", 3.225714285714286e219, 1e-15],
    [
      "-1.78264E+219 0.76342771 1.9592258 2.3757689E+217 -2.3757689E+217 2.258E+220 7.69805412 1.78264E+219 -458.90154",
      2.5088888888888888e219,
      1e-15,
    ],
  ])("averages values of mixed magnitude: %s", (load, expected, tolerance) => {
    expect(relativeError(at55s("avg_over_time", load, 5 * SECOND), expected)).toBeLessThan(tolerance);
  });

  // functions.test:1138-1150: compensation cannot save this sum; Prometheus answers 0 too.
  test("matches Prometheus where magnitudes cancel beyond compensation", () => {
    const load =
      "-2.258E+220 -1.78264E+219 0.76342771 1.9592258 2.3757689E+217 -2.3757689E+217 2.258E+220 7.69805412 1.78264E+219 -458.90154";
    expect(at55s("avg_over_time", load, 5 * SECOND)).toBe(0);
  });

  // functions.test:1159-1190: the direct mean of equal values is exact.
  test("returns exactly the value of a constant series", () => {
    for (const range of [100, 110, 120, 130]) {
      expect(run("avg_over_time", "52+0x100", 10 * SECOND, 10 * MINUTE, range * SECOND)).toBe(52);
    }
  });
});

describe("sum_over_time", () => {
  // functions.test:1081-1088.
  test("keeps small values next to huge ones that cancel", () => {
    expect(run("sum_over_time", "1 1e100 1 -1e100", 10 * SECOND, MINUTE, 2 * MINUTE)).toBe(2);
    expect(run("avg_over_time", "1 1e100 1 -1e100", 10 * SECOND, MINUTE, 2 * MINUTE)).toBe(0.5);
  });

  // functions.test:1194-1231: the left-open window on dense samples.
  test.each([1000, 1001, 2003, 3003])("sums the %d ms samples of a dense series", (rangeMs) => {
    expect(run("sum_over_time", "1+0x4000", 1, 4000, rangeMs)).toBe(rangeMs);
  });
});

describe("stddev_over_time and stdvar_over_time", () => {
  // functions.test:1240-1244.
  test("are the population variance and its root", () => {
    expect(run("stdvar_over_time", "0 8 8 2 3", 10 * SECOND, MINUTE, 2 * MINUTE)).toBeCloseTo(10.56, 12);
    expect(run("stddev_over_time", "0 8 8 2 3", 10 * SECOND, MINUTE, 2 * MINUTE)).toBeCloseTo(3.249615, 6);
  });

  // functions.test:1259-1264 (issue 4927): no rounding noise for equal values.
  test("are exactly zero for equal values", () => {
    const load = "1.5990505637277868 1.5990505637277868 1.5990505637277868";
    expect(at55s("stdvar_over_time", load)).toBe(0);
    expect(at55s("stddev_over_time", load)).toBe(0);
  });
});

describe("min, max, first, last, count, present", () => {
  test("pick values, with NaN losing to any number", () => {
    expect(at55s("min_over_time", "NaN 3 1 NaN 2")).toBe(1);
    expect(at55s("max_over_time", "NaN 3 1 NaN 2")).toBe(3);
    expect(at55s("max_over_time", "NaN NaN")).toBeNaN();
    expect(at55s("first_over_time", "4 3 1 2")).toBe(4);
    expect(at55s("last_over_time", "4 3 1 2")).toBe(2);
    expect(at55s("count_over_time", "4 3 _ 2")).toBe(3);
    expect(at55s("present_over_time", "4")).toBe(1);
  });
});

describe("ts_of_*_over_time", () => {
  const oddStep = 10 * SECOND + 53;
  // functions.test:1319-1328: the window (0, 90s] holds the samples from 10.053s on.
  test("report the time of the extreme in seconds", () => {
    expect(run("ts_of_min_over_time", "1 2 3 0 5 6 2 1 4", oddStep, 90 * SECOND, 90 * SECOND)).toBe(30.159);
    expect(run("ts_of_max_over_time", "1 2 3 0 5 6 2 1 4", oddStep, 90 * SECOND, 90 * SECOND)).toBe(50.265);
  });

  test("report the last of equal extremes", () => {
    expect(run("ts_of_min_over_time", "1 0 0 3", SECOND, 3 * SECOND, 5 * SECOND)).toBe(2);
    expect(run("ts_of_max_over_time", "3 3 0", SECOND, 2 * SECOND, 5 * SECOND)).toBe(1);
  });

  // functions.test:1330-1362.
  test("report the first and last sample times", () => {
    expect(run("ts_of_last_over_time", "1 2 3 _ _", oddStep, 95 * SECOND, 90 * SECOND)).toBe(20.106);
    expect(run("ts_of_first_over_time", "_ _ 1 2 3 _ _", oddStep, 90 * SECOND, 90 * SECOND)).toBe(20.106);
  });
});

describe("changes and resets", () => {
  const foo = "1 2 3 0 1 0 0 1 2 0";
  const bar = "1 2 3 4 5 1 2 3 4 5";
  // functions.test:27-45 at 50m.
  test.each([
    [foo, 20, 1],
    [foo, 32, 2],
    [foo, 50, 3],
    [bar, 30, 0],
    [bar, 32, 1],
  ])("resets counts decreases of %s over %d minutes", (load, minutes, expected) => {
    expect(run("resets", load, 5 * MINUTE, 50 * MINUTE, minutes * MINUTE)).toBe(expected);
  });

  // functions.test:66-79 at 50m.
  test.each([
    [foo, 20, 2],
    [foo, 30, 3],
    [foo, 50, 7],
    [bar, 30, 4],
    [bar, 50, 8],
  ])("changes counts value changes of %s over %d minutes", (load, minutes, expected) => {
    expect(run("changes", load, 5 * MINUTE, 50 * MINUTE, minutes * MINUTE)).toBe(expected);
  });

  // functions.test:95-101: NaN to NaN is no change, NaN to a number is.
  test("treat consecutive NaNs as unchanged", () => {
    expect(run("changes", "NaN NaN NaN", 5 * MINUTE, 15 * MINUTE, 20 * MINUTE)).toBe(0);
    expect(run("changes", "0 NaN 0", 5 * MINUTE, 15 * MINUTE, 20 * MINUTE)).toBe(2);
  });
});
