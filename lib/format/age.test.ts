import { describe, expect, test } from "vitest";
import { formatAge, formatDuration } from "./age";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("formatDuration", () => {
  test.each([
    [0, "0s"],
    [5 * s, "5s"],
    [119 * s, "119s"],
    [2 * m, "2m"],
    [3 * m + 7 * s, "3m7s"],
    [10 * m + 30 * s, "10m"],
    [179 * m, "179m"],
    [3 * h, "3h"],
    [5 * h + 20 * m, "5h20m"],
    [8 * h + 5 * m, "8h"],
    [47 * h, "47h"],
    [2 * d + 4 * h, "2d4h"],
    [7 * d, "7d"],
    [8 * d + 3 * h, "8d"],
    [400 * d, "400d"],
    [2 * 365 * d + 30 * d, "2y30d"],
    [9 * 365 * d, "9y"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test("tolerates one second of clock skew, not more", () => {
    expect(formatDuration(-1500)).toBe("0s");
    expect(formatDuration(-2500)).toBe("<invalid>");
  });
});

describe("formatAge", () => {
  test("measures from the creation timestamp", () => {
    const now = Date.parse("2025-01-02T00:00:00Z");
    expect(formatAge("2025-01-01T20:00:00Z", now)).toBe("4h");
  });

  test("says unknown for a missing or unreadable timestamp", () => {
    expect(formatAge(undefined, 0)).toBe("<unknown>");
    expect(formatAge("yesterday", 0)).toBe("<unknown>");
  });
});
