import { beforeAll, describe, expect, test } from "vitest";
import { api, login, rawRequest } from "./harness/http";
import { basicAuth, encodeWriteRequest, metricsOf, promGet, remoteWrite } from "./harness/prom";
import { noteOutcome, suite } from "./harness/suiteContext";

// dev may list pods in shop only (the demo's RBAC), alice everything; alice's group may push with remote write.
const now = Math.floor(Date.now() / 1000) * 1000;
const series = (labels: Record<string, string>, value: number) => ({
  labels: Object.entries(labels).map(([name, v]) => ({ name, value: v })),
  samples: [120, 60, 0].map((ago) => ({ timestamp: now - ago * 1000, value })),
});

let alice: string;
let dev: string;

beforeAll(async () => {
  [alice, dev] = await Promise.all([login("alice"), login("dev")]);
  const body = encodeWriteRequest({
    timeseries: [
      series({ __name__: "sec_requests_total", namespace: "shop", pod: "cart" }, 1),
      series({ __name__: "sec_requests_total", namespace: "bank", pod: "vault" }, 1000),
      series({ __name__: "sec_balance", namespace: "bank", account: "42" }, 5000),
      series({ __name__: "sec_node_load", node: "demo-node" }, 7),
    ],
  });
  const response = await remoteWrite(body, { authorization: basicAuth("alice") });
  if (response.status !== 204) throw new Error(`remote write as alice failed: ${response.status} ${await response.text()}`);
});

const at = () => String(now / 1000);

describe("who reads which series on /api/prom", () => {
  test("alice, who may list everything, reads every pushed series", async () => {
    const answer = await promGet("query", { query: 'sum({__name__=~"sec_.+"})', time: at() }, alice);
    expect(answer.body.data).toEqual({ resultType: "vector", result: [{ metric: {}, value: [now / 1000, "6008"] }] });
  });

  for (const [what, query] of [
    ["another namespace by label", 'sec_requests_total{namespace="bank"}'],
    ["every namespace by regex", '{namespace=~".+"}'],
    ["every metric by name regex", '{__name__=~"sec_.+"}'],
    ["label_replace relabelling the other namespace as dev's", 'label_replace(sec_balance, "namespace", "shop", "", "")'],
    ["an aggregation that hides labels", 'sum({__name__=~"sec_.+"})'],
    ["a cluster-level series", "sec_node_load"],
  ]) {
    test(`dev cannot read bank or cluster-level data through ${what}`, async ({ task }) => {
      const answer = await promGet("query", { query: query!, time: at() }, dev);
      noteOutcome(task, `${answer.status} ${JSON.stringify(answer.body.data).slice(0, 100)}`);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toMatch(/vault|account|demo-node|"1000"|"5000"|"7"|"6008"/);
    });
  }

  test("dev cannot list bank's series, names or label values", async ({ task }) => {
    const seriesAnswer = await promGet("series", { "match[]": ['{namespace="bank"}', '{__name__=~"sec_.+"}'] }, dev);
    const namespaces = await promGet("label/namespace/values", {}, dev);
    const names = await promGet("label/__name__/values", {}, dev);
    noteOutcome(task, `${JSON.stringify(seriesAnswer.body.data)} ${JSON.stringify(namespaces.body.data)}`);
    expect(seriesAnswer.body.data).toEqual([{ __name__: "sec_requests_total", namespace: "shop", pod: "cart" }]);
    expect(namespaces.body.data).toEqual(["shop"]);
    expect(names.body.data).not.toContain("sec_balance");
    expect(names.body.data).not.toContain("sec_node_load");
  });

  test("a range query keeps to the same rule", async () => {
    const answer = await promGet("query_range", { query: '{__name__=~"sec_.+"}', start: String(now / 1000 - 120), end: at(), step: "60" }, dev);
    expect(metricsOf(answer)).toEqual([{ __name__: "sec_requests_total", namespace: "shop", pod: "cart" }]);
  });
});

describe("bad input on /api/prom", () => {
  test("malformed PromQL is 400 bad_data with a position and no stack trace", async ({ task }) => {
    const answer = await promGet("query", { query: "sum(rate(sec_requests_total[5m])" }, dev);
    noteOutcome(task, `${answer.status} ${answer.body.error}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: "error", errorType: "bad_data", error: expect.stringMatching(/^invalid parameter "query": 1:\d+: parse error: /) });
    expect(answer.body.error).not.toMatch(/\n|\.ts:\d|\.js:\d/);
  });

  test("a range of more than 11,000 points per series is refused before evaluation", async () => {
    const answer = await promGet("query_range", { query: "1", start: "0", end: "11001", step: "1" }, dev);
    expect(answer).toMatchObject({ status: 400, body: { errorType: "bad_data", error: expect.stringContaining("exceeded maximum resolution of 11,000 points per timeseries") } });
  });

  test("a query over the sample limit fails with a clear error while others are answered", async ({ task }) => {
    const [heavy, light] = await Promise.all([
      promGet("query", { query: "count_over_time(vector(1)[14d:1s])", time: at() }, dev),
      promGet("query", { query: "sec_requests_total", time: at() }, alice),
    ]);
    noteOutcome(task, `${heavy.status} ${heavy.body.error}`);
    expect(heavy).toMatchObject({ status: 422, body: { errorType: "execution", error: expect.stringMatching(/too many samples/) } });
    expect(light.status).toBe(200);
  });

  test("a query form POSTed from a foreign origin is refused", async () => {
    const response = await api("/api/prom/api/v1/query", { method: "POST", cookie: dev, headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "query=up" });
    expect(response.status).toBe(403);
  });

  test("a query form POSTed without Origin or CSRF header is answered, as promtool and Grafana send it", async () => {
    const response = await api("/api/prom/api/v1/query", { method: "POST", headers: { authorization: basicAuth("dev"), "content-type": "application/x-www-form-urlencoded" }, body: `query=sec_requests_total&time=${at()}` });
    expect(response.status).toBe(200);
  });
});

describe("remote write", () => {
  const probe = (name: string) => encodeWriteRequest({ timeseries: [series({ __name__: name, namespace: "shop" }, 3)] });

  async function stored(name: string): Promise<boolean> {
    return metricsOf(await promGet("query", { query: name, time: at() }, alice)).length > 0;
  }

  test("a person outside the writers' group is refused and nothing is stored", async () => {
    const response = await remoteWrite(probe("sec_by_dev"), { authorization: basicAuth("dev") });
    expect(response.status).toBe(403);
    expect(await stored("sec_by_dev")).toBe(false);
  });

  test("a body that is not snappy is 400", async ({ task }) => {
    const response = await remoteWrite(new TextEncoder().encode("this is not snappy at all"), { authorization: basicAuth("alice") });
    noteOutcome(task, `${response.status} ${(await response.text()).trim()}`);
    expect(response.status).toBe(400);
  });

  test("a request with one invalid series stores none of its series", async () => {
    const body = encodeWriteRequest({ timeseries: [series({ __name__: "sec_half", namespace: "shop" }, 1), series({ job: "no-name" }, 1)] });
    const response = await remoteWrite(body, { authorization: basicAuth("alice") });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/no metric name/);
    expect(await stored("sec_half")).toBe(false);
  });

  test("a body declared larger than the cap is refused at once with 400", async ({ task }) => {
    const head = [
      "POST /api/prom/api/v1/write HTTP/1.1", `Host: 127.0.0.1:${suite().port}`, `Authorization: ${basicAuth("alice")}`,
      "Content-Type: application/x-protobuf", "Content-Encoding: snappy", `Content-Length: ${64 * 1024 * 1024}`, "Connection: close",
    ];
    const response = await rawRequest(`${head.join("\r\n")}\r\n\r\n`);
    noteOutcome(task, response.statusLine);
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/larger than \d+ bytes/);
  });

  test("a small body announcing a huge decoded size is refused before decompressing", async () => {
    const response = await remoteWrite(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x04, 0x00]), { authorization: basicAuth("alice") });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/decoded request is \d+ bytes/);
  });
});
