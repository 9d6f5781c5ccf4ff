import { beforeAll, describe, expect, test } from "vitest";
import { everywhere } from "@/server/access/types";
import type { LabelMatcher } from "../storage";
import { receiveRemoteWrite } from "./remoteWrite/receiveWrite";
import { seriesScopeMatchers } from "./seriesScope";
import { createRealApi } from "./testing/realApi";
import { encodeWriteRequest, writeHttpRequest } from "./testing/writeRequests";

// End to end below HTTP: samples pushed through the remote-write receiver, read back through the real parser and engine.
const now = 1_700_000_000_000;
const api = createRealApi(now);
const series = (labels: Record<string, string>, value: number) => ({
  labels: Object.entries(labels).map(([name, value]) => ({ name, value })),
  samples: [0, 1, 2, 3].map((i) => ({ timestamp: now - (3 - i) * 60_000, value: value + i })),
});

let shopReader: readonly LabelMatcher[];
let shopAndNodesReader: readonly LabelMatcher[];

beforeAll(async () => {
  const body = encodeWriteRequest({
    timeseries: [
      series({ __name__: "app_requests_total", namespace: "shop", pod: "cart" }, 10),
      series({ __name__: "app_requests_total", namespace: "bank", pod: "vault" }, 1000),
      series({ __name__: "bank_balance", namespace: "bank", account: "42" }, 5000),
      series({ __name__: "node_load", node: "n1" }, 7),
    ],
  });
  const response = await receiveRemoteWrite(writeHttpRequest(body), api.storage, { maxBodyBytes: 1 << 20, maxDecodedBytes: 1 << 22 });
  expect(response.status).toBe(204);
  const rights = (nodes: boolean) => ({ listScope: async () => ({ all: false as const, namespaces: new Set(["shop"]) }), canList: async () => nodes });
  shopReader = await seriesScopeMatchers(rights(false));
  shopAndNodesReader = await seriesScopeMatchers(rights(true));
});

async function instant(query: string, scope: readonly LabelMatcher[]) {
  return api.call("query", { query, time: String(now / 1000) }, scope);
}

describe("the Prometheus API over the real engine and store", () => {
  test("a reader who sees everything gets every pushed series with Prometheus's shapes", async () => {
    const all = await seriesScopeMatchers({ listScope: async () => everywhere, canList: async () => true });
    const answer = await instant("sum(app_requests_total)", all);
    expect(answer.body).toEqual({ status: "success", data: { resultType: "vector", result: [{ metric: {}, value: [now / 1000, "1016"] }] } });
    const range = await api.call("query_range", { query: "node_load", start: String(now / 1000 - 120), end: String(now / 1000), step: "60" });
    expect(range.body.data).toEqual({ resultType: "matrix", result: [{ metric: { __name__: "node_load", node: "n1" }, values: [[now / 1000 - 120, "8"], [now / 1000 - 60, "9"], [now / 1000, "10"]] }] });
  });

  test.each([
    ["the metric by name", "app_requests_total"],
    ["another namespace by label", 'app_requests_total{namespace="bank"}'],
    ["every namespace by regex", '{namespace=~".+"}'],
    ["every metric by name regex", '{__name__=~".+"}'],
    ["a label_replace that relabels the other namespace", 'label_replace(app_requests_total{namespace="bank"}, "namespace", "shop", "", "")'],
    ["a label_replace over everything", 'label_replace({__name__=~".+"}, "namespace", "shop", "namespace", ".*")'],
    ["an aggregation without labels", 'sum({__name__=~".+"})'],
    ["a subquery and range function", 'max_over_time({__name__=~"bank.*|app.*"}[10m:1m])'],
    ["a set operator", 'app_requests_total or bank_balance or node_load'],
  ])("a reader of namespace shop cannot read bank or cluster-level data through %s", async (_name, query) => {
    const answer = await instant(query, shopReader);
    expect(answer.status).toBe(200);
    const result = (answer.body.data as { result: { metric: Record<string, string>; value: [number, string] }[] }).result;
    // Only the shop pod's own samples (10 to 13) may contribute, whatever labels the query puts on them.
    for (const r of result) expect(r.value[1]).toMatch(/^1[0-3]$/);
    expect(JSON.stringify(result)).not.toMatch(/vault|account|n1|bank/);
  });

  test("cluster-level series appear for a reader who may list nodes, other namespaces still do not", async () => {
    const answer = await instant("node_load or app_requests_total", shopAndNodesReader);
    const result = (answer.body.data as { result: { metric: Record<string, string> }[] }).result;
    expect(result.map((r) => r.metric.pod ?? r.metric.node).sort()).toEqual(["cart", "n1"]);
  });

  test("the series, labels and label values APIs keep to the reader's namespaces", async () => {
    expect((await api.call("series", { "match[]": '{__name__=~".+"}' }, shopReader)).body.data).toEqual([{ __name__: "app_requests_total", namespace: "shop", pod: "cart" }]);
    expect((await api.call("label/namespace/values", {}, shopReader)).body.data).toEqual(["shop"]);
    expect((await api.call("label/__name__/values", {}, shopReader)).body.data).toEqual(["app_requests_total"]);
    expect((await api.call("labels", { "match[]": 'bank_balance' }, shopReader)).body.data).toEqual([]);
  });

  test("malformed PromQL is 400 bad_data with a position and no stack", async () => {
    const answer = await instant("sum(rate(app_requests_total[5m])", shopReader);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: "error", errorType: "bad_data", error: expect.stringMatching(/^invalid parameter "query": 1:\d+: parse error: /) });
    expect(answer.body.error).not.toMatch(/\n|\.ts:\d/);
  });

  test("a query over the sample limit is a clear execution error", async () => {
    const answer = await instant("count_over_time(vector(1)[2d:1s])", []);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errorType: "execution", error: expect.stringMatching(/too many samples/) });
  });

  test("format_query prints the query as the parser reads it", async () => {
    expect((await api.call("format_query", { query: "sum by(job)(rate(x[5m]))" })).body).toEqual({ status: "success", data: "sum by (job) (rate(x[5m]))" });
  });
});
