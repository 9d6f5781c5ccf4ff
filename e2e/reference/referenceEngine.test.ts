import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { labelsFromRecord } from "@/server/metrics/model/labels";
import { STALE_NAN } from "@/server/metrics/model/sample";
import { BUILD_COMMAND, ReferenceEngine } from "./referenceEngine";

function withStaleEnd(values: number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  out.set(values);
  out[values.length] = STALE_NAN;
  return out;
}

describe("ReferenceEngine", () => {
  let reference: ReferenceEngine;
  beforeAll(async () => {
    reference = await ReferenceEngine.start();
    await reference.load([
      { labels: labelsFromRecord({ __name__: "up", job: "a" }), timestamps: [0, 15_000, 30_000, 45_000], values: withStaleEnd([1, NaN, Infinity]) },
      { labels: labelsFromRecord({ __name__: "requests_total", job: "b" }), timestamps: [0, 60_000, 120_000], values: Float64Array.from([0, 60, 30]) },
    ]);
  });
  afterAll(async () => {
    await reference?.stop();
  });

  test("names the build command when the binary is missing", async () => {
    await expect(ReferenceEngine.start("/nonexistent/promql-reference")).rejects.toThrow(BUILD_COMMAND);
  });

  test("answers instant queries in Orrery's value shape, specials included", async () => {
    const at30 = await reference.instantQuery("up", 30_000);
    expect(at30).toMatchObject({ ok: true, value: { resultType: "vector", result: [{ labels: labelsFromRecord({ __name__: "up", job: "a" }), t: 30_000, value: Infinity }] } });
    const at15 = await reference.instantQuery("up", 15_000);
    expect(at15.ok && at15.value.resultType === "vector" && Number.isNaN(at15.value.result[0]?.value)).toBe(true);
  });

  test("a stale marker ends the series before the lookback does", async () => {
    expect(await reference.instantQuery("up", 50_000)).toMatchObject({ ok: true, value: { resultType: "vector", result: [] } });
  });

  test("range queries see counter resets; scalars come back as scalars", async () => {
    const increase = await reference.rangeQuery("increase(requests_total[3m])", 120_000, 120_000, 60_000);
    expect(increase).toMatchObject({ ok: true, value: { resultType: "matrix", result: [{ floats: [{ t: 120_000, value: 90 }] }] } });
    expect(await reference.instantQuery("1 + 1", 5_000)).toMatchObject({ ok: true, value: { resultType: "scalar", t: 5_000, value: 2 } });
  });

  test("errors carry Prometheus's error types", async () => {
    expect(await reference.instantQuery("sum(", 0)).toMatchObject({ ok: false, errorType: "bad_data" });
    const manyToMany = await reference.instantQuery('label_replace(up, "job", "x", "job", ".*") + on() group_left up', 30_000);
    expect(manyToMany).toMatchObject({ ok: true });
    expect(await reference.instantQuery("{job=~\".+\"} + on() {job=~\".+\"}", 0)).toMatchObject({ ok: false, errorType: "execution" });
  });

  test("times queries inside the process and reports the head", async () => {
    const nanos = await reference.timeInstant("sum(up)", 30_000, 3);
    expect(nanos).toHaveLength(3);
    for (const n of nanos) expect(n).toBeGreaterThan(0);
    const stats = await reference.stats();
    expect(stats.headSeries).toBe(2);
    expect(stats.heapAllocBytes).toBeGreaterThan(0);
  });
});
