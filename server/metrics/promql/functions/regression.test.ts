import { describe, expect, test } from "vitest";
import { deriv, predictLinear } from "./regression";
import { MINUTE, windowOf } from "./windowFixture";

const RESET_IN_MIDDLE = "0+10x4 0+10x5";

describe("deriv", () => {
  // functions.test:432-434: a straight counter gives the same as rate.
  test("is the least-squares slope per second", () => {
    const { window } = windowOf("0+80x10", 5 * MINUTE, 50 * MINUTE, 50 * MINUTE);
    expect(deriv(window)).toBeCloseTo(0.26666666666666666, 15);
  });

  // functions.test:437-439.
  test("fits across a reset rather than correcting it", () => {
    const { window } = windowOf(RESET_IN_MIDDLE, 5 * MINUTE, 50 * MINUTE, 100 * MINUTE);
    expect(deriv(window)).toBeCloseTo(0.010606060606060607, 15);
  });

  // functions.test:457-460.
  test("is NaN when an infinite value is in the window", () => {
    const { window } = windowOf("-Inf 0+80x10 Inf", 5 * MINUTE, 100 * MINUTE, 100 * MINUTE);
    expect(deriv(window)).toBeNaN();
  });

  test("is 0 for a constant series and needs two samples", () => {
    expect(deriv(windowOf("3 3 3", MINUTE, 2 * MINUTE, 5 * MINUTE).window)).toBe(0);
    expect(deriv(windowOf("3", MINUTE, 0, 5 * MINUTE).window)).toBeUndefined();
  });
});

describe("predictLinear", () => {
  // functions.test:478-480.
  test("extrapolates from the evaluation time", () => {
    const { window, ctx } = windowOf(RESET_IN_MIDDLE, 5 * MINUTE, 50 * MINUTE, 50 * MINUTE);
    expect(predictLinear(window, ctx, [3600])).toBeCloseTo(70, 9);
  });

  // functions.test:487-503: with `@ 3000` the window is fixed but the intercept follows the step time.
  test.each([
    [50 * MINUTE, 76.81818181818181],
    [10 * MINUTE, 51.36363636363637],
    [70 * MINUTE, 89.54545454545455],
  ])("anchors the line at the evaluation time %d, not at the @ time", (evalTime, expected) => {
    const { window, ctx } = windowOf(RESET_IN_MIDDLE, 5 * MINUTE, 3000_000, 55 * MINUTE);
    expect(predictLinear(window, { ...ctx, evalTime }, [3600])).toBeCloseTo(expected, 9);
  });

  // functions.test:520-522.
  test("is NaN with an infinite value", () => {
    const { window, ctx } = windowOf("-Inf 0+80x10 Inf", 5 * MINUTE, 100 * MINUTE, 100 * MINUTE);
    expect(predictLinear(window, ctx, [6000])).toBeNaN();
  });
});
