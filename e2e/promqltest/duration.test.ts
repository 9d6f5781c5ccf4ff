import { describe, expect, test } from "vitest";
import { parseDuration } from "./duration";

describe("parseDuration", () => {
  test("reads Prometheus durations in milliseconds", () => {
    expect(parseDuration("0")).toBe(0);
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("20s500ms")).toBe(20_500);
    expect(parseDuration("1h")).toBe(3_600_000);
    expect(parseDuration("10s53ms")).toBe(10_053);
  });

  test("refuses units out of order, unknown units and empty text", () => {
    expect(() => parseDuration("30s1m")).toThrow(/not a valid duration/);
    expect(() => parseDuration("5x")).toThrow(/not a valid duration/);
    expect(() => parseDuration("")).toThrow(/empty/);
  });
});
