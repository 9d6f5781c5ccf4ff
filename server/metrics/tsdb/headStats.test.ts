import { describe, expect, test } from "vitest";
import { labelsFromRecord } from "../model/labels";
import { headStats } from "./headStats";
import { createMemoryStorage } from "./tsdbStorage";

const T0 = 1_700_000_000_000;

async function storeWith(sets: Record<string, string>[], samples: number) {
  const storage = createMemoryStorage();
  const app = storage.appender();
  for (let i = 0; i < samples; i++) for (const s of sets) app.append(labelsFromRecord(s), T0 + i * 15_000, i);
  await app.commit();
  return storage;
}

describe("headStats", () => {
  test("counts series, label pairs, chunks and the time span, largest lists first", async () => {
    const storage = await storeWith(
      [
        { __name__: "up", job: "api", instance: "a" },
        { __name__: "up", job: "api", instance: "b" },
        { __name__: "up", job: "db" },
        { __name__: "http_requests_total", job: "api" },
      ],
      130,
    );
    const stats = headStats(storage.head, 10);
    // 130 samples make one full chunk of 120 and an open one per series.
    expect(stats.headStats).toEqual({ numSeries: 4, numLabelPairs: 6, chunkCount: 8, minTime: T0, maxTime: T0 + 129 * 15_000 });
    expect(stats.seriesCountByMetricName).toEqual([{ name: "up", value: 3 }, { name: "http_requests_total", value: 1 }]);
    expect(stats.labelValueCountByLabelName).toEqual([{ name: "__name__", value: 2 }, { name: "instance", value: 2 }, { name: "job", value: 2 }]);
    expect(stats.memoryInBytesByLabelName[0]).toEqual({ name: "__name__", value: "up".length + "http_requests_total".length });
    expect(stats.seriesCountByLabelValuePair.slice(0, 2)).toEqual([{ name: "__name__=up", value: 3 }, { name: "job=api", value: 3 }]);
  });

  test("cuts every list to the limit and counts only the series the matchers select", async () => {
    const sets = Array.from({ length: 15 }, (_, i) => ({ __name__: `m${String(i).padStart(2, "0")}`, namespace: i % 3 === 0 ? "a" : "b" }));
    const storage = await storeWith(sets, 1);
    expect(headStats(storage.head, 10).seriesCountByMetricName).toHaveLength(10);
    const scoped = headStats(storage.head, 10, [{ type: "=", name: "namespace", value: "a" }]);
    expect(scoped.headStats.numSeries).toBe(5);
    expect(scoped.seriesCountByMetricName.map((s) => s.name)).toEqual(["m00", "m03", "m06", "m09", "m12"]);
    expect(scoped.seriesCountByLabelValuePair).toContainEqual({ name: "namespace=a", value: 5 });
    expect(scoped.seriesCountByLabelValuePair.map((s) => s.name)).not.toContain("namespace=b");
  });

  test("an empty head has no time span", () => {
    expect(headStats(createMemoryStorage().head, 10).headStats).toEqual({ numSeries: 0, numLabelPairs: 0, chunkCount: 0, minTime: null, maxTime: null });
  });
});
