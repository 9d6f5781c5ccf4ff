import { describe, expect, test } from "vitest";
import { formatGoFloatFixed } from "./format";

describe("formatGoFloatFixed, as Go's strconv.FormatFloat(v, 'f', -1, 64)", () => {
  test("never writes an exponent, for huge and tiny values alike", () => {
    expect(formatGoFloatFixed(2.5e21)).toBe("2500000000000000000000");
    expect(formatGoFloatFixed(1.25e220)).toBe(`125${"0".repeat(218)}`);
    expect(formatGoFloatFixed(-2.5e-7)).toBe("-0.00000025");
    expect(formatGoFloatFixed(0.1)).toBe("0.1");
  });

  test("keeps the sign of negative zero and spells the special values as Prometheus does", () => {
    expect(formatGoFloatFixed(-0)).toBe("-0");
    expect(formatGoFloatFixed(0)).toBe("0");
    expect([NaN, Infinity, -Infinity].map(formatGoFloatFixed)).toEqual(["NaN", "+Inf", "-Inf"]);
  });
});
