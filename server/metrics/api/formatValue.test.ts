import { describe, expect, test } from "vitest";
import { formatSampleValue, formatTimestamp } from "./formatValue";

describe("formatSampleValue", () => {
  test("writes special values as Prometheus does", () => {
    expect([NaN, Infinity, -Infinity].map(formatSampleValue)).toEqual(["NaN", "+Inf", "-Inf"]);
  });

  test("never uses an exponent, like Go's FormatFloat(v, 'f', -1, 64)", () => {
    expect(formatSampleValue(1e21)).toBe("1000000000000000000000");
    expect(formatSampleValue(1.5e-7)).toBe("0.00000015");
    expect(formatSampleValue(-2.5e22)).toBe("-25000000000000000000000");
    expect(formatSampleValue(123.456)).toBe("123.456");
    expect(formatSampleValue(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatSampleValue(42)).toBe("42");
    expect(formatSampleValue(-0)).toBe("-0");
    expect(formatSampleValue(Number.MAX_VALUE)).toMatch(/^179769313486231570{292}$/);
  });
});

describe("formatTimestamp", () => {
  test("gives seconds with the milliseconds as decimals", () => {
    expect(JSON.stringify([formatTimestamp(1435781451781), formatTimestamp(1435781451000), formatTimestamp(-1500)])).toBe("[1435781451.781,1435781451,-1.5]");
  });
});
