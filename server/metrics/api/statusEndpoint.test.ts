import { describe, expect, test } from "vitest";
import { labelsFromRecord } from "../model/labels";
import type { TsdbStatus } from "../tsdb";
import { createRealApi } from "./testing/realApi";

const now = 1_700_000_000_000;

async function apiWithSeries() {
  const api = createRealApi(now);
  const app = api.storage.appender();
  for (let i = 0; i < 12; i++) app.append(labelsFromRecord({ __name__: `metric_${i}`, namespace: i < 4 ? "shop" : "bank" }), now - 60_000, i);
  await app.commit();
  return api;
}

describe("status/tsdb", () => {
  test("answers the head's stats and the 10 metric names with most series, as Prometheus does", async () => {
    const api = await apiWithSeries();
    const answer = await api.call("status/tsdb", {});
    expect(answer.status).toBe(200);
    const data = answer.body.data as TsdbStatus;
    expect(data.headStats).toEqual({ numSeries: 12, numLabelPairs: 14, chunkCount: 12, minTime: now - 60_000, maxTime: now - 60_000 });
    expect(data.seriesCountByMetricName).toHaveLength(10);
    expect(data.seriesCountByLabelValuePair[0]).toEqual({ name: "namespace=bank", value: 8 });
  });

  test("a reader limited to a namespace learns only about its series", async () => {
    const api = await apiWithSeries();
    const answer = await api.call("status/tsdb", { limit: "20" }, [{ type: "=", name: "namespace", value: "shop" }]);
    const data = answer.body.data as TsdbStatus;
    expect(data.headStats.numSeries).toBe(4);
    expect(data.seriesCountByMetricName.map((s) => s.name)).toEqual(["metric_0", "metric_1", "metric_2", "metric_3"]);
  });

  test.each(["0", "-3", "ten", "1.5"])("limit=%s is bad data in Prometheus's words", async (limit) => {
    const api = await apiWithSeries();
    expect(await api.call("status/tsdb", { limit })).toEqual({ status: 400, body: { status: "error", errorType: "bad_data", error: "limit must be a positive number" } });
  });
});
