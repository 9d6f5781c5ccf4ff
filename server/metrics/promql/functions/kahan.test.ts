import { describe, expect, test } from "vitest";
import { kahanSumInc, kahanSumOf, kahanTotal, newKahanSum } from "./kahan";

describe("kahanSumInc", () => {
  // functions.test:1081-1085: naive summation gives 0 here.
  test("keeps small terms that a huge term would swallow", () => {
    expect(kahanSumOf([1, 1e100, 1, -1e100])).toBe(2);
    expect(1 + 1e100 + 1 - 1e100).toBe(0);
  });

  test("stays infinite instead of turning NaN", () => {
    const acc = newKahanSum();
    for (const v of [1e308, 1e308, 1]) kahanSumInc(v, acc);
    expect(kahanTotal(acc)).toBe(Infinity);
    expect(kahanSumOf([Infinity, -Infinity])).toBeNaN();
  });

  test("sums a sub-range", () => {
    expect(kahanSumOf(Float64Array.of(100, 1, 2, 100), 1, 3)).toBe(3);
  });
});
