import { describe, expect, test } from "vitest";
import { latestScheduleBetween, nextScheduleAfter, parseCron } from "./cron";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("parseCron", () => {
  test("runs */1 every minute", () => {
    const s = parseCron("*/1 * * * *");
    expect(iso(nextScheduleAfter(s, at("2025-01-15T12:00:30Z")))).toBe("2025-01-15T12:01:00.000Z");
    expect(iso(nextScheduleAfter(s, at("2025-01-15T12:01:00Z")))).toBe("2025-01-15T12:02:00.000Z");
  });

  test("understands steps, lists and ranges", () => {
    const s = parseCron("0,30 9-17/4 * * mon-fri");
    // Friday 17:30 → next is Monday 09:00 (hours 9, 13, 17).
    expect(iso(nextScheduleAfter(s, at("2025-01-17T17:30:00Z")))).toBe("2025-01-20T09:00:00.000Z");
    expect(iso(nextScheduleAfter(s, at("2025-01-20T09:00:00Z")))).toBe("2025-01-20T09:30:00.000Z");
    expect(iso(nextScheduleAfter(s, at("2025-01-20T09:30:00Z")))).toBe("2025-01-20T13:00:00.000Z");
  });

  test("ORs day-of-month and day-of-week when both are restricted", () => {
    const s = parseCron("0 0 1 * sun");
    // 2025-02-01 is a Saturday; Sunday the 2nd also matches.
    expect(iso(nextScheduleAfter(s, at("2025-01-31T12:00:00Z")))).toBe("2025-02-01T00:00:00.000Z");
    expect(iso(nextScheduleAfter(s, at("2025-02-01T00:00:00Z")))).toBe("2025-02-02T00:00:00.000Z");
  });

  test("accepts macros and 7 as Sunday", () => {
    expect(iso(nextScheduleAfter(parseCron("@hourly"), at("2025-01-15T12:10:00Z")))).toBe("2025-01-15T13:00:00.000Z");
    expect(iso(nextScheduleAfter(parseCron("0 6 * * 7"), at("2025-01-15T00:00:00Z")))).toBe("2025-01-19T06:00:00.000Z");
  });

  test("rejects malformed schedules with the field named", () => {
    expect(() => parseCron("* * * *")).toThrow(/exactly 5 fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/minute value "61"/);
    expect(() => parseCron("*/0 * * * *")).toThrow(/minute step/);
  });
});

describe("latestScheduleBetween", () => {
  test("finds the most recent missed time and nothing when none fell due", () => {
    const s = parseCron("*/5 * * * *");
    expect(iso(latestScheduleBetween(s, at("2025-01-15T12:00:00Z"), at("2025-01-15T12:17:10Z")))).toBe("2025-01-15T12:15:00.000Z");
    expect(latestScheduleBetween(s, at("2025-01-15T12:15:00Z"), at("2025-01-15T12:19:59Z"))).toBeUndefined();
  });
});
