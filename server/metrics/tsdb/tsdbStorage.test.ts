import { describe, expect, test } from "vitest";
import { labelsFromRecord, type Labels } from "../model/labels";
import { STALE_NAN, isStaleNaN, type NativeHistogram } from "../model/sample";
import type { LabelMatcher } from "../storage";
import { createMemoryStorage } from "./tsdbStorage";

const T0 = 1_700_000_000_000;

function series(record: Record<string, string>): Labels {
  return labelsFromRecord(record);
}

async function fill(storage = createMemoryStorage()) {
  const app = storage.appender();
  const sets: Record<string, string>[] = [
    { __name__: "up", job: "api", instance: "a" },
    { __name__: "up", job: "api", instance: "b" },
    { __name__: "up", job: "db" },
    { __name__: "http_requests_total", job: "api", code: "200" },
  ];
  for (let i = 0; i < 300; i++) for (const [k, s] of sets.entries()) app.append(series(s), T0 + i * 15_000, i * (k + 1));
  expect(await app.commit()).toEqual({ appended: 1200, rejected: {} });
  return storage;
}

function names(storage: ReturnType<typeof createMemoryStorage>, matchers: LabelMatcher[]): string[] {
  return storage
    .querier()
    .series(matchers, 0, Infinity)
    .map((l) => l.map((x) => `${x.name}=${x.value}`).join(","));
}

describe("TsdbStorage head", () => {
  test("selects the window's samples, across chunk boundaries, sorted by labels", async () => {
    const storage = await fill();
    const got = storage.querier().select([{ type: "=", name: "job", value: "api" }], T0 + 1_000_000, T0 + 2_000_000);
    expect(got.map((s) => s.labels.map((l) => l.value).join(","))).toEqual(["http_requests_total,200,api", "up,a,api", "up,b,api"]);
    const first = got[1]!;
    expect(first.timestamps[0]).toBe(T0 + 67 * 15_000);
    expect(first.timestamps.at(-1)).toBe(T0 + 133 * 15_000);
    expect(first.values.length).toBe(67);
    expect(Array.from(first.values.slice(0, 3))).toEqual([67, 68, 69]);
  });

  test("treats an empty matcher value as an absent label", async () => {
    const storage = await fill();
    expect(names(storage, [{ type: "=", name: "instance", value: "" }])).toEqual([
      "__name__=http_requests_total,code=200,job=api",
      "__name__=up,job=db",
    ]);
    expect(names(storage, [{ type: "!=", name: "instance", value: "" }])).toHaveLength(2);
    expect(names(storage, [{ type: "!=", name: "instance", value: "a" }, { type: "=", name: "__name__", value: "up" }])).toEqual([
      "__name__=up,instance=b,job=api",
      "__name__=up,job=db",
    ]);
    expect(names(storage, [{ type: "=~", name: "instance", value: "a|" }])).toHaveLength(3);
    expect(names(storage, [{ type: "!~", name: "job", value: "a.*" }])).toEqual(["__name__=up,job=db"]);
    expect(names(storage, [{ type: "=~", name: "job", value: "nope" }])).toEqual([]);
  });

  test("refuses and counts out-of-order, duplicate and invalid samples, keeping the rest", async () => {
    const storage = createMemoryStorage();
    const up = series({ __name__: "up" });
    const app = storage.appender();
    app.append(up, T0, 1);
    app.append(up, T0 + 15_000, 2);
    app.append(up, T0 + 5_000, 3);
    app.append(up, T0 + 15_000, 4);
    app.append([], T0, 1);
    app.append([{ name: "a", value: "1" }, { name: "a", value: "2" }], T0, 1);
    expect(await app.commit()).toEqual({ appended: 2, rejected: { out_of_order: 1, duplicate_timestamp: 1, invalid_labels: 2 } });
    const late = storage.appender();
    late.append(up, T0, 9);
    expect(await late.commit()).toEqual({ appended: 0, rejected: { out_of_order: 1 } });
    expect(storage.health().counters).toMatchObject({ samplesAppended: 2, outOfOrder: 2, duplicateTimestamp: 1, invalidLabels: 2 });
  });

  test("keeps stale markers exactly and native histograms beside floats", async () => {
    const storage = createMemoryStorage();
    const app = storage.appender();
    const h: NativeHistogram = {
      counterResetHint: "unknown", schema: 0, zeroThreshold: 1e-128, zeroCount: 1, count: 3, sum: 4.5,
      positiveSpans: [{ offset: 0, length: 2 }], positiveBuckets: [1, 1], negativeSpans: [], negativeBuckets: [],
    };
    app.append(series({ __name__: "g" }), T0, 1);
    app.append(series({ __name__: "g" }), T0 + 15_000, STALE_NAN);
    app.appendHistogram(series({ __name__: "h" }), T0, h);
    app.appendHistogram(series({ __name__: "h" }), T0, h);
    expect(await app.commit()).toEqual({ appended: 3, rejected: { duplicate_timestamp: 1 } });
    const [g, hs] = storage.querier().select([{ type: "=~", name: "__name__", value: "g|h" }], 0, Infinity);
    expect(isStaleNaN(g!.values[1]!)).toBe(true);
    expect(hs!.histograms).toEqual([{ t: T0, h }]);
    expect(hs!.timestamps.length).toBe(0);
  });

  test("label names and values follow the matchers", async () => {
    const storage = await fill();
    const q = storage.querier();
    expect(q.labelNames([], 0, Infinity)).toEqual(["__name__", "code", "instance", "job"]);
    expect(q.labelNames([{ type: "=", name: "job", value: "db" }], 0, Infinity)).toEqual(["__name__", "job"]);
    expect(q.labelValues("instance", [], 0, Infinity)).toEqual(["a", "b"]);
    expect(q.labelValues("job", [{ type: "=", name: "__name__", value: "up" }], 0, Infinity)).toEqual(["api", "db"]);
    expect(q.series([], T0 + 10_000_000, Infinity)).toEqual([]);
  });

  test("retention drops whole old chunks by time and by bytes", async () => {
    const byTime = await fill(createMemoryStorage({ retentionMs: 30 * 60_000 }));
    byTime.applyRetention();
    const kept = byTime.querier().select([{ type: "=", name: "job", value: "db" }], 0, Infinity)[0]!;
    // 300 samples make chunks of 120, 120, 60; only the last two reach into the last 30 minutes.
    expect(kept.timestamps.length).toBe(180);
    const late = byTime.appender();
    late.append(series({ __name__: "new" }), T0, 1);
    expect(await late.commit()).toEqual({ appended: 0, rejected: { too_old: 1 } });

    const byBytes = await fill(createMemoryStorage({ retentionBytes: 1 }));
    const before = byBytes.health().chunkBytes;
    byBytes.applyRetention();
    expect(byBytes.health().chunkBytes).toBeLessThan(before / 2);
    expect(byBytes.querier().select([], 0, Infinity).every((s) => s.timestamps[0] === T0 + 240 * 15_000)).toBe(true);
  });

  test("metadata is kept per metric", () => {
    const storage = createMemoryStorage();
    storage.setMetadata("up", { type: "gauge", help: "Up.", unit: "" });
    expect(storage.metadata("up").get("up")).toEqual([{ type: "gauge", help: "Up.", unit: "" }]);
    expect(storage.metadata("nope").size).toBe(0);
  });
});

describe("TsdbStorage churn", () => {
  test("series dropped by retention give back their label strings", async () => {
    const storage = createMemoryStorage({ retentionMs: 60 * 60_000 });
    for (let pod = 0; pod < 20; pod++) {
      const app = storage.appender();
      for (let i = 0; i < 10; i++) app.append(series({ __name__: "up", pod: `pod-${pod}` }), T0 + pod * 3_600_000 + i * 15_000, 1);
      await app.commit();
      // Close the chunk so retention may drop it.
      storage.head.seriesById(pod + 1)?.closeOpenChunk();
      storage.applyRetention();
    }
    expect(storage.head.seriesCount).toBe(2);
    expect(storage.head.symbols.size).toBe(5);
    expect(storage.querier().labelValues("pod", [], 0, Infinity)).toEqual(["pod-18", "pod-19"]);
  });
});
