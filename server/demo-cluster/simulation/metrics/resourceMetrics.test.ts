import { describe, expect, test } from "vitest";
import { formatGoFloat } from "./resourceMetrics";

describe("formatGoFloat", () => {
  test("matches Go's shortest 'g' formatting used by client_golang", () => {
    expect(formatGoFloat(0)).toBe("0");
    expect(formatGoFloat(12.5)).toBe("12.5");
    expect(formatGoFloat(123456)).toBe("123456");
    expect(formatGoFloat(1234567)).toBe("1.234567e+06");
    expect(formatGoFloat(1736942400.5)).toBe("1.7369424005e+09");
    expect(formatGoFloat(0.00001)).toBe("1e-05");
    expect(formatGoFloat(0.0001)).toBe("0.0001");
    expect(formatGoFloat(Number.POSITIVE_INFINITY)).toBe("+Inf");
  });
});
