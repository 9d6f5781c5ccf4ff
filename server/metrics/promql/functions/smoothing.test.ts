import { describe, expect, test } from "vitest";
import { doubleExponentialSmoothing } from "./smoothing";
import { MINUTE, SECOND, windowOf } from "./windowFixture";

function smooth(load: string, evalS: number, sf = 0.01, tf = 0.1) {
  const { window, ctx } = windowOf(load, 10 * SECOND, evalS * SECOND, MINUTE);
  return doubleExponentialSmoothing(window, ctx, [sf, tf]);
}

describe("doubleExponentialSmoothing", () => {
  // functions.test:880-885: a linear series is followed exactly.
  test.each([
    ["0+10x1000 100+30x1000", 8000],
    ["0+20x1000 200+30x1000", 16000],
    ["0+30x1000 300+80x1000", 24000],
    ["0+40x2000", 32000],
  ])("tracks the rising series %s", (load, expected) => {
    expect(smooth(load, 8000)).toBeCloseTo(expected, 6);
  });

  // functions.test:888-893: after the slope changes, the window sees only the new slope.
  test("tracks the second slope of a series", () => {
    expect(smooth("0+10x1000 100+30x1000", 20010)).toBeCloseTo(30100, 6);
    expect(smooth("0+30x1000 300+80x1000", 20010)).toBeCloseTo(80300, 6);
  });

  // functions.test:909-913.
  test.each([
    ["8000-10x1000", 0],
    ["0-20x1000", -16000],
    ["0+30x1000 300-80x1000", 24000],
    ["0-40x1000 0+40x1000", -32000],
  ])("tracks the falling series %s", (load, expected) => {
    expect(smooth(load, 8000)).toBeCloseTo(expected, 6);
  });

  test("smooths noise towards the level and needs two samples", () => {
    const noisy = smooth("0 10 0 10 0 10 0", 60, 0.5, 0.5);
    expect(noisy).toBeGreaterThan(0);
    expect(noisy).toBeLessThan(10);
    expect(smooth("5", 0)).toBeUndefined();
  });
});
