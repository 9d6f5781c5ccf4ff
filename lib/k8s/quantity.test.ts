import { describe, expect, test } from "vitest";
import { formatCpu, formatMemory, formatQuantity, parseQuantity } from "./quantity";

describe("parseQuantity", () => {
  test.each([
    ["100m", 0.1],
    ["2", 2],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1500000n", 0.0015],
    ["128Mi", 128 * 2 ** 20],
    ["1.5Gi", 1.5 * 2 ** 30],
    ["1Ki", 1024],
    ["500M", 5e8],
    ["2k", 2000],
    ["1e3", 1000],
    ["12E", 12e18],
  ])("%s is %d", (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 9);
  });

  test("rejects text that is not a quantity", () => {
    expect(parseQuantity("lots")).toBeUndefined();
    expect(parseQuantity("10 Mi")).toBeUndefined();
    expect(parseQuantity("1Xi")).toBeUndefined();
    expect(parseQuantity("")).toBeUndefined();
  });
});

describe("formatCpu", () => {
  test("uses millicores below one core", () => {
    expect(formatCpu(0.25)).toBe("250m");
    expect(formatCpu(0.0015)).toBe("2m");
  });
  test("uses cores from one core up", () => {
    expect(formatCpu(4)).toBe("4");
    expect(formatCpu(1.5)).toBe("1.5");
    expect(formatCpu(0)).toBe("0");
  });
});

describe("formatMemory", () => {
  test("picks the largest binary unit", () => {
    expect(formatMemory(512 * 2 ** 20)).toBe("512Mi");
    expect(formatMemory(1.5 * 2 ** 30)).toBe("1.5Gi");
    expect(formatMemory(16_302_780 * 1024)).toBe("15.5Gi");
    expect(formatMemory(1000)).toBe("1000");
  });
});

describe("formatQuantity", () => {
  test("normalises CPU and memory, leaves others and unreadable text alone", () => {
    expect(formatQuantity("cpu", "4000m")).toBe("4");
    expect(formatQuantity("memory", "8053040Ki")).toBe("7.7Gi");
    expect(formatQuantity("pods", "110")).toBe("110");
    expect(formatQuantity("memory", "weird")).toBe("weird");
    expect(formatQuantity("cpu", undefined)).toBe("-");
  });
});
