import { describe, expect, test } from "vitest";
import { cpuMillicoresOf, memoryBytesOf } from "./usageQuantities";

describe("cpuMillicoresOf", () => {
  test.each([
    ["1234567n", 1.234567],
    ["5m", 5],
    ["0", 0],
    ["2", 2000],
    ["0.1", 100],
    ["250000u", 250],
    ["1e3", 1_000_000],
  ])("%s is %d millicores", (text, millicores) => {
    expect(cpuMillicoresOf(text)).toBe(millicores);
  });

  test("rejects negative amounts and text that is not a quantity", () => {
    expect(cpuMillicoresOf("-5m")).toBeUndefined();
    expect(cpuMillicoresOf("5 m")).toBeUndefined();
    expect(cpuMillicoresOf("5%")).toBeUndefined();
    expect(cpuMillicoresOf("")).toBeUndefined();
  });
});

describe("memoryBytesOf", () => {
  test.each([
    ["123456Ki", 123456 * 1024],
    ["0", 0],
    ["100Mi", 100 * 2 ** 20],
    ["1.5Gi", 1.5 * 2 ** 30],
    ["500M", 500_000_000],
    ["1.1Mi", 1153434],
    ["100m", 1],
  ])("%s is %d bytes (Kubernetes suffixes, fractions rounded up)", (text, bytes) => {
    expect(memoryBytesOf(text)).toBe(bytes);
  });

  test("reads 'M' as 10^6, not Scope's 1024-based search unit", () => {
    expect(memoryBytesOf("100M")).toBe(100_000_000);
  });

  test("rejects negative amounts and text that is not a quantity", () => {
    expect(memoryBytesOf("-1Ki")).toBeUndefined();
    expect(memoryBytesOf("12KB")).toBeUndefined();
    expect(memoryBytesOf("lots")).toBeUndefined();
  });
});
