import { describe, expect, test, vi } from "vitest";
import type { LogRun } from "./containerRuns";
import { formatRfc3339Nano, LogTimeline, maxRetainedLines } from "./logTimeline";
import { selectProfile } from "./profiles/selectProfile";

const hour = 3_600_000;
const t0 = Date.parse("2025-03-01T10:00:00Z");

function run(overrides: Partial<LogRun> = {}): LogRun {
  return {
    seed: 12345, containerSeed: 777, podName: "web-1", namespace: "shop", containerName: "app",
    image: "ghcr.io/example/orders:1.4", startMs: t0, outcome: "running", exitCode: 0, oomProne: false, ...overrides,
  };
}

describe("LogTimeline", () => {
  test("gives the same lines for the same run and different lines for another run", () => {
    const a = new LogTimeline(run());
    const b = new LogTimeline(run());
    const other = new LogTimeline(run({ seed: 999 }));
    const snap = a.snapshot(t0 + hour);
    const lines = (tl: LogTimeline) => Array.from({ length: 50 }, (_, i) => tl.entry(i + 20, snap).text);
    expect(lines(a)).toEqual(lines(b));
    expect(lines(other)).not.toEqual(lines(a));
  });

  test("writes one line every 0.5 to 5 seconds, fixed per container, in time order", () => {
    for (const containerSeed of [0, 1, 4500, 123456789]) {
      const tl = new LogTimeline(run({ containerSeed }));
      expect(tl.periodMs).toBeGreaterThanOrEqual(500);
      expect(tl.periodMs).toBeLessThanOrEqual(5000);
      const snap = tl.snapshot(t0 + hour);
      expect(snap.total).toBeGreaterThanOrEqual(Math.floor(hour / tl.periodMs) - 1);
      expect(snap.total).toBeLessThanOrEqual(Math.ceil(hour / tl.periodMs) + 1);
      for (let i = 1; i < 200; i++) expect(tl.entry(i, snap).timeMs).toBeGreaterThanOrEqual(tl.entry(i - 1, snap).timeMs);
    }
  });

  test("counts lines before a time exactly as a scan would", () => {
    const tl = new LogTimeline(run());
    const times = Array.from({ length: 300 }, (_, i) => tl.regularTime(i));
    for (const probe of [t0 - 1, t0, t0 + 1, times[10]!, times[10]! + 1, times[299]!, t0 + 17_777]) {
      expect(tl.regularCountBefore(probe)).toBe(times.filter((t) => t < probe).length);
    }
  });

  test("shows only lines up to now while running", () => {
    const tl = new LogTimeline(run());
    const now = t0 + 60_000;
    const snap = tl.snapshot(now);
    expect(tl.entry(snap.total - 1, snap).timeMs).toBeLessThanOrEqual(now);
    expect(tl.regularTime(snap.total)).toBeGreaterThan(now);
  });

  test("tails a container that has run for days without generating its history", () => {
    const profile = selectProfile(run().image);
    const steady = vi.spyOn(profile, "steady");
    const tl = new LogTimeline(run({ startMs: t0 - 30 * 24 * hour }));
    const snap = tl.snapshot(t0);
    expect(snap.total).toBeGreaterThan(500_000);
    expect(snap.first).toBe(snap.total - maxRetainedLines);
    const tail = Array.from({ length: 10 }, (_, i) => tl.entry(snap.total - 10 + i, snap));
    expect(tail.at(-1)!.timeMs).toBeLessThanOrEqual(t0);
    expect(steady.mock.calls.length).toBeLessThanOrEqual(10);
    steady.mockRestore();
  });

  test("finds the first line at or after a time for since queries", () => {
    const tl = new LogTimeline(run());
    const snap = tl.snapshot(t0 + hour);
    const since = t0 + 30 * 60_000;
    const first = tl.firstAtOrAfter(since, snap);
    expect(tl.entry(first, snap).timeMs).toBeGreaterThanOrEqual(since);
    expect(tl.entry(first - 1, snap).timeMs).toBeLessThan(since);
    expect(tl.firstAtOrAfter(t0 + 2 * hour, snap)).toBe(snap.total);
  });

  test("ends a crashed run with a panic trace at finishedAt", () => {
    const end = t0 + 5 * 60_000;
    const tl = new LogTimeline(run({ image: "example/payments-go:2", endMs: end, outcome: "crashed", exitCode: 2 }));
    const snap = tl.snapshot(end + hour);
    const texts = Array.from({ length: snap.total - snap.regularEnd }, (_, i) => tl.entry(snap.regularEnd + i, snap));
    const profileName = selectProfile("example/payments-go:2").name;
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.at(-1)!.timeMs).toBeLessThanOrEqual(end);
    expect(tl.entry(snap.regularEnd - 1, snap).timeMs).toBeLessThan(texts[0]!.timeMs);
    const joined = texts.map((e) => e.text).join("\n");
    expect(joined).toMatch(profileName === "json" ? /panic: runtime error/ : profileName === "plain" ? /Exception|Caused by/ : /Error: /);
  });

  test("warns about growing memory before an OOM kill", () => {
    const end = t0 + 20 * 60_000;
    const tl = new LogTimeline(run({ image: "shop/orders-api:1", endMs: end, outcome: "oomKilled", exitCode: 137, oomProne: true }));
    const snap = tl.snapshot(end);
    const percents: number[] = [];
    for (let i = 0; i < snap.total; i++) {
      const text = tl.entry(i, snap).text;
      const found = /(\d+)%|"usedPercent":(\d+)/.exec(text);
      if (found && /heap|memory/i.test(text)) percents.push(Number(found[1] ?? found[2]));
    }
    expect(percents.length).toBeGreaterThan(5);
    expect(percents.at(-1)!).toBeGreaterThan(percents[0]!);
    expect(percents.at(-1)!).toBeGreaterThanOrEqual(90);
  });

  test("a healthy run never mentions memory pressure", () => {
    const tl = new LogTimeline(run({ image: "shop/orders-api:1" }));
    const snap = tl.snapshot(t0 + hour);
    const texts = Array.from({ length: 500 }, (_, i) => tl.entry(i, snap).text);
    expect(texts.some((t) => /heap usage growing|Heap usage|memory usage/.test(t))).toBe(false);
  });
});

describe("formatRfc3339Nano", () => {
  test("prints nanoseconds without trailing zeros like Go", () => {
    expect(formatRfc3339Nano(Date.parse("2025-03-01T10:00:00.123Z"), 456_789)).toBe("2025-03-01T10:00:00.123456789Z");
    expect(formatRfc3339Nano(Date.parse("2025-03-01T10:00:00.120Z"), 0)).toBe("2025-03-01T10:00:00.12Z");
    expect(formatRfc3339Nano(Date.parse("2025-03-01T10:00:00Z"), 0)).toBe("2025-03-01T10:00:00Z");
  });
});
