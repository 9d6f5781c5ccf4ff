import { describe, expect, test } from "vitest";
import { rangeKernels } from "./rangeKernels";
import { MINUTE, SECOND, windowOf } from "./windowFixture";

function run(name: string, load: string, stepMs: number, evalMs: number, rangeMs: number, params: number[] = []) {
  const kernel = rangeKernels[name];
  if (!kernel) throw new Error(`no kernel ${name}`);
  const { window, ctx } = windowOf(load, stepMs, evalMs, rangeMs);
  return kernel(window, ctx, params);
}

describe("increase", () => {
  // functions.test:157-167, increase(http_requests_total[50m]) at 50m.
  test.each([
    ["0+10x10", 100],
    ["0+18x5 0+18x5", 160],
    ["10+10x10", 100],
    ["1+10x10", 100],
  ])("extrapolates %s over a full window to %d", (load, expected) => {
    expect(run("increase", load, 5 * MINUTE, 50 * MINUTE, 50 * MINUTE)).toBeCloseTo(expected, 9);
  });

  // functions.test:176-181: the half-interval limit and the zero point of the counter.
  test.each([
    ["0+10x10", 100],
    ["0+18x5 0+18x5", 162],
    ["10+10x10", 105],
    ["1+10x10", 101],
  ])("stops extrapolating %s at half an interval or at zero (%d)", (load, expected) => {
    expect(run("increase", load, 5 * MINUTE, 50 * MINUTE, 100 * MINUTE)).toBeCloseTo(expected, 9);
  });

  // functions.test:191-192: a decrease counts as a reset to zero.
  test("adds back the value before a counter reset", () => {
    expect(run("increase", "0 1 2 3 2 3 4", 5 * MINUTE, 30 * MINUTE, 30 * MINUTE)).toBeCloseTo(7, 9);
  });

  test("yields nothing for a single sample", () => {
    expect(run("increase", "5", 5 * MINUTE, 0, 5 * MINUTE)).toBeUndefined();
  });
});

describe("rate", () => {
  // functions.test:202-203.
  test("handles a reset in the middle of the window", () => {
    expect(run("rate", "0+27x4 0+27x5", 5 * MINUTE, 50 * MINUTE, 50 * MINUTE)).toBeCloseTo(0.08, 12);
  });

  // functions.test:206-209.
  test("needs two samples, and a reset at the very end gives 0", () => {
    expect(run("rate", "0+10x9 0 10", 5 * MINUTE, 50 * MINUTE, 5 * MINUTE)).toBeUndefined();
    expect(run("rate", "0+10x9 0 10", 5 * MINUTE, 50 * MINUTE, 6 * MINUTE)).toBe(0);
  });

  // functions.test:218-219 and 221-223 (offset 5m moves the window to (35m, 45m]).
  test("is per second over the window length", () => {
    expect(run("rate", "0+80x10", 5 * MINUTE, 50 * MINUTE, 50 * MINUTE)).toBeCloseTo(0.26666666666666666, 15);
    expect(run("rate", "0+10x10", 5 * MINUTE, 45 * MINUTE, 10 * MINUTE)).toBeCloseTo(0.03333333333333333, 15);
    expect(run("rate", "0+20x10", 5 * MINUTE, 45 * MINUTE, 10 * MINUTE)).toBeCloseTo(0.06666666666666667, 15);
  });

  // functions.test:237-253: zero cutoff up to half an interval, then the half-interval rule.
  test.each([
    ["0+240x10", 0.5, 0.6],
    ["60+240x10", 0.55, 0.6],
    ["120+240x10", 0.6, 0.6],
    ["180+240x10", 0.6, 0.6],
    ["300+240x10", 0.6, 0.6],
  ])("limits left extrapolation of %s by the zero point", (load, at10m, at50m) => {
    expect(run("rate", load, 4 * MINUTE, 10 * MINUTE, 20 * MINUTE)).toBeCloseTo(at10m, 12);
    expect(run("rate", load, 4 * MINUTE, 50 * MINUTE, 20 * MINUTE)).toBeCloseTo(at50m, 12);
  });
});

describe("delta", () => {
  // functions.test:331-334: gauges are not treated as counters.
  test("extrapolates decreases as well as increases", () => {
    expect(run("delta", "0 50 100 150 200", 5 * MINUTE, 20 * MINUTE, 20 * MINUTE)).toBe(200);
    expect(run("delta", "200 150 100 50 0", 5 * MINUTE, 20 * MINUTE, 20 * MINUTE)).toBe(-200);
  });
});

describe("irate and idelta", () => {
  // functions.test:271-280.
  test("irate uses the last two samples and treats a decrease as a reset", () => {
    expect(run("irate", "0+10x10", 5 * MINUTE, 50 * MINUTE, 50 * MINUTE)).toBeCloseTo(1 / 30, 15);
    expect(run("irate", "0+10x5 0+10x5", 5 * MINUTE, 30 * MINUTE, 50 * MINUTE)).toBe(0);
  });

  // functions.test:282-284 and 367-369: NaN propagates until two real values follow.
  test("propagates NaN", () => {
    expect(run("irate", "1 NaN NaN 5 11", 5 * MINUTE, 5 * MINUTE, 15 * MINUTE + SECOND)).toBeNaN();
    expect(run("irate", "1 NaN NaN 5 11", 5 * MINUTE, 20 * MINUTE, 15 * MINUTE + SECOND)).toBeCloseTo(0.02, 15);
    expect(run("idelta", "1 NaN NaN 5 11", 5 * MINUTE, 15 * MINUTE, 15 * MINUTE + SECOND)).toBeNaN();
    expect(run("idelta", "1 NaN NaN 5 11", 5 * MINUTE, 20 * MINUTE, 15 * MINUTE + SECOND)).toBe(6);
  });

  // functions.test:362-365.
  test("idelta is the plain difference of the last two samples", () => {
    expect(run("idelta", "0 50 100 150", 5 * MINUTE, 20 * MINUTE, 20 * MINUTE)).toBe(50);
    expect(run("idelta", "0 50 100 50", 5 * MINUTE, 20 * MINUTE, 20 * MINUTE)).toBe(-50);
  });

  test("yield nothing for two samples at the same time", () => {
    const window = { t: Float64Array.of(1000, 1000), v: Float64Array.of(1, 2), from: 0, to: 2 };
    const ctx = { rangeStart: 0, rangeEnd: 1000, evalTime: 1000 };
    expect(rangeKernels.irate?.(window, ctx, [])).toBeUndefined();
  });
});
