import { describe, expect, test } from "vitest";
import { clamp, dateKernels, goMax, goMin, mathKernels, roundTo } from "./instantKernels";

function kernel(name: string): (v: number) => number {
  const fn = mathKernels[name] ?? dateKernels[name];
  if (!fn) throw new Error(`no kernel ${name}`);
  return fn;
}

function expectSame(actual: number, expected: number): void {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else if (!Number.isFinite(expected) || expected === 0) expect(actual).toBe(expected);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-15);
}

describe("mathKernels", () => {
  // trig_functions.test:7-90 for trig{l="x"} 10 and trig{l="y"} 20.
  test.each([
    ["sin", 10, -0.5440211108893699],
    ["cos", 20, 0.40808206181339196],
    ["tan", 10, 0.6483608274590867],
    ["asin", 10 - 10.1, -0.10016742116155944],
    ["acos", 10 - 10.1, 1.670963747956456],
    ["asin", 20 - 10.1, NaN],
    ["atan", 20, 1.5208379310729538],
    ["sinh", 20, 2.4258259770489514e8],
    ["cosh", 10, 11013.232920103324],
    ["tanh", 20, 1],
    ["asinh", 10, 2.99822295029797],
    ["acosh", 20, 3.6882538673612966],
    ["rad", 10, 0.17453292519943295],
    ["deg", 20, 1145.9155902616465],
    ["sin", NaN, NaN],
  ])("%s(%d) = %d", (name, input, expected) => {
    expectSame(kernel(name)(input), expected);
  });

  test("sinh and cosh overflow to Inf where exp does, as Go's do", () => {
    expect(kernel("cosh")(710)).toBe(Infinity);
    expect(kernel("sinh")(710)).toBe(Infinity);
    expect(kernel("sinh")(-710)).toBe(-Infinity);
    expectSame(kernel("cosh")(-700), Math.exp(700) / 2);
  });

  test("log10 and log2 round as Go's do", () => {
    expect(kernel("log10")(0.1)).toBe(-0.9999999999999999);
    expect(kernel("log10")(100)).toBe(2);
    expect([8, 0.25, 2 ** -1074].map(kernel("log2"))).toEqual([3, -2, -1074]);
    expect(kernel("log2")(10)).toBe(Math.log(0.625) * (1 / Math.LN2) + 4);
    expect([0, -1, Infinity].map(kernel("log2"))).toEqual([-Infinity, NaN, Infinity]);
  });

  test("exp is +Inf from x ≈ 709.44, where Go's amd64 exp gives up, though the true value is finite", () => {
    expect(kernel("exp")(709.5)).toBe(Infinity);
    expect(kernel("sinh")(709.5)).toBe(Infinity);
    expectSame(kernel("exp")(709.4), Math.exp(709.4));
    expectSame(kernel("exp")(-745), Math.exp(-745));
    expect(kernel("exp")(NaN)).toBeNaN();
  });

  // functions.test:669-685.
  test("sgn keeps the sign, zero and NaN", () => {
    const sgn = kernel("sgn");
    expect([-Infinity, Infinity, -50, 0, 100].map(sgn)).toEqual([-1, 1, -1, 0, 1]);
    expect(sgn(NaN)).toBeNaN();
  });

  // functions.test:1663-1710.
  test("abs, ceil and floor follow IEEE rules", () => {
    const inputs = [2.5, 2, -2.5, -2, 0, -Infinity, NaN];
    expect(inputs.map(kernel("abs"))).toEqual([2.5, 2, 2.5, 2, 0, Infinity, NaN]);
    expect(inputs.map(kernel("ceil"))).toEqual([3, 2, -2, -2, 0, -Infinity, NaN]);
    expect(inputs.map(kernel("floor"))).toEqual([2, 2, -3, -2, 0, -Infinity, NaN]);
  });

  test("logarithms and roots of bad input are NaN or -Inf", () => {
    expect(kernel("ln")(-1)).toBeNaN();
    expect(kernel("log2")(0)).toBe(-Infinity);
    expect(kernel("log10")(1000)).toBe(3);
    expect(kernel("sqrt")(-4)).toBeNaN();
    expect(kernel("exp")(0)).toBe(1);
  });
});

describe("roundTo", () => {
  // aggregators.test:130-181, values 100 and 200 of http_requests at 50m.
  test.each([
    [0.004 * 100, 1, 0],
    [0.004 * 200, 1, 1],
    [-1 * (0.004 * 200), 1, -1],
    [0.005 * 100, 1, 1],
    [-1 * (0.005 * 100), 1, 0],
    [-1 * (1 + 0.005 * 100), 1, -1],
    [-1 * (1 + 0.005 * 200), 1, -2],
    [0.0005 * 100, 0.1, 0.1],
    [2.1 + 0.0005 * 100, 0.1, 2.2],
    [5.2 + 0.0005 * 100, 0.1, 5.3],
    [-1 * (5.2 + 0.0005 * 100), 0.1, -5.2],
    [-1 * (5.2 + 0.0005 * 200), 0.1, -5.3],
    [0.025 * 100, 5, 5],
    [0.045 * 200, 5, 10],
  ])("rounds %d to the nearest %d, ties up, giving %d", (value, toNearest, expected) => {
    expect(roundTo(value, toNearest) + 0).toBe(expected);
  });
});

describe("clamp", () => {
  // functions.test:617-650.
  test("limits values to the bounds", () => {
    expect([-50, 0, 100].map((v) => clamp(v, -25, 75))).toEqual([-25, 0, 75]);
    expect([-50, 0, 100].map((v) => clamp(v, -Infinity, 75))).toEqual([-50, 0, 75]);
  });

  test("is NaN when a bound is NaN", () => {
    expect(clamp(0, 0, NaN)).toBeNaN();
    expect(clamp(100, NaN, 0)).toBeNaN();
  });

  test("an infinite value beats a NaN bound, as in Go's math.Max and math.Min", () => {
    expect(clamp(Infinity, NaN, Infinity)).toBe(Infinity);
    expect(clamp(-Infinity, -Infinity, NaN)).toBe(-Infinity);
    expect(clamp(5, NaN, Infinity)).toBeNaN();
    expect([goMax(NaN, Infinity), goMin(-Infinity, NaN), goMax(1, NaN)]).toEqual([Infinity, -Infinity, NaN]);
  });
});

describe("dateKernels", () => {
  // functions.test:1462-1532; 1136239445 is 2006-01-02 22:04:05 UTC, a Monday.
  test.each([
    ["year", 1136239445, 2006],
    ["month", 1136239445, 1],
    ["day_of_month", 1136239445, 2],
    ["day_of_year", 1136239445, 2],
    ["day_of_week", 1136239445, 1],
    ["hour", 1136239445, 22],
    ["minute", 1136239445, 4],
    ["day_of_week", 0, 4],
    ["year", 1230767999, 2008],
    ["year", 1230768000, 2009],
    ["month", 1456790399, 2],
    ["day_of_month", 1456790399, 29],
    ["month", 1456790400, 3],
    ["day_of_year", 1483191420, 366],
    ["day_of_year", 1672493820, 365],
    ["days_in_month", 1454284800, 29],
    ["days_in_month", 1485907200, 28],
  ])("%s(%d) = %d", (name, seconds, expected) => {
    expect(kernel(name)(seconds)).toBe(expected);
  });

  test("uses whole seconds, truncated toward zero", () => {
    expect(kernel("minute")(59.9)).toBe(0);
    expect(kernel("year")(-0.5)).toBe(1970);
  });

  test("handles years before 100 without mapping them to the 1900s", () => {
    const march1st = -62035804800; // 0004-03-01T00:00:00Z, in a leap year
    expect(kernel("year")(march1st)).toBe(4);
    expect(kernel("days_in_month")(march1st - 86400)).toBe(29);
    expect(kernel("day_of_year")(march1st)).toBe(61);
  });
});
