import { describe, expect, test } from "vitest";
import { formatDuration, formatFloat, parseDurationMs, parseNumberText } from "./literals";

describe("parseNumberText", () => {
  test.each([
    ["1", 1], ["0x1F", 31], ["0755", 493], ["09", 9], ["1e3", 1000], [".5", 0.5], ["5.", 5], ["1_000", 1000],
    ["-2.5", -2.5], ["+Inf", Infinity], ["-inf", -Infinity], ["1m", 60], ["1h30m", 5400], ["500ms", 0.5],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  test("reads NaN", () => {
    expect(parseNumberText("NaN")).toBeNaN();
  });
});

describe("durations", () => {
  test("parses every unit in order", () => {
    expect(parseDurationMs("1y2w3d4h5m6s7ms")).toBe(((((365 + 14 + 3) * 24 + 4) * 60 + 5) * 60 + 6) * 1000 + 7);
  });

  test("refuses units out of order", () => {
    expect(parseDurationMs("5m1h")).toBeUndefined();
  });

  test.each([
    [0, "0s"], [90 * 60_000, "1h30m"], [90 * 86_400_000, "90d"], [14 * 86_400_000, "2w"], [365 * 86_400_000, "1y"], [1500, "1s500ms"],
  ])("prints %d ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatFloat", () => {
  test.each([
    [1, "1"], [0.1, "0.1"], [1e21, "1000000000000000000000"], [1e-7, "0.0000001"], [-0, "-0"], [Infinity, "+Inf"], [NaN, "NaN"],
  ])("prints %d as Go's FormatFloat 'f' does", (value, text) => {
    expect(formatFloat(value)).toBe(text);
  });
});
