import { describe, expect, test } from "vitest";
import { labelsFromRecord } from "../model/labels";
import { PromQLError } from "../promql/values";
import { createApiHarness } from "./testing/apiHarness";
import { waitForAbort } from "./testing/fakeEngine";

describe("query", () => {
  test("answers a vector in Prometheus's shape, at the asked time, with the reader's matchers", async () => {
    const scope = [{ type: "=~", name: "namespace", value: "shop" }] as const;
    const { engine, call } = createApiHarness({ scope });
    engine.answerWith((q) => ({
      value: { resultType: "vector", result: [{ labels: labelsFromRecord({ __name__: "up", job: "api" }), t: q.start, value: NaN }] },
      warnings: ["PromQL warning: something"],
      infos: [],
    }));
    const answer = await call("query", { query: "up", time: "2015-07-01T20:10:51.781Z" });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: "success",
      data: { resultType: "vector", result: [{ metric: { __name__: "up", job: "api" }, value: [1435781451.781, "NaN"] }] },
      warnings: ["PromQL warning: something"],
    });
    expect(engine.calls[0]).toMatchObject({ query: "up", start: 1435781451781, options: { extraMatchers: scope, limits: { lookbackDeltaMs: 300_000, timeoutMs: 2000, maxSamples: 1000 } } });
  });

  test("takes a POSTed form, defaults the time to now and honours lookback_delta", async () => {
    const { engine, call } = createApiHarness();
    engine.answerWith(() => ({ value: { resultType: "scalar", t: 1_700_000_000_000, value: Infinity }, warnings: [], infos: [] }));
    const answer = await call("query", { query: "1/0", lookback_delta: "1m" }, { method: "POST" });
    expect(answer.body).toEqual({ status: "success", data: { resultType: "scalar", result: [1_700_000_000, "+Inf"] } });
    expect(engine.calls[0]!.options.limits?.lookbackDeltaMs).toBe(60_000);
  });

  test("a parse error is 400 bad_data naming the query parameter and the position, with no stack", async () => {
    const { engine, call } = createApiHarness();
    engine.answerWith(() => {
      throw new PromQLError("bad_data", "1:5: parse error: unexpected end of input", { start: 4, end: 4 });
    });
    const answer = await call("query", { query: "sum(" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ status: "error", errorType: "bad_data", error: 'invalid parameter "query": 1:5: parse error: unexpected end of input' });
  });

  test("an execution error is 422 and an unexpected one 500 without internals", async () => {
    const { engine, call } = createApiHarness();
    engine.answerWith(() => {
      throw new PromQLError("execution", "query processing would load too many samples into memory in query execution");
    });
    expect(await call("query", { query: "x" })).toMatchObject({ status: 422, body: { errorType: "execution" } });
    engine.answerWith(() => {
      throw new TypeError("cannot read properties of undefined");
    });
    const answer = await call("query", { query: "x" });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ status: "error", errorType: "internal", error: expect.stringMatching(/^internal error \(incident [0-9a-f-]+\)/) });
    expect(JSON.stringify(answer.body)).not.toMatch(/TypeError|at .*\.ts/);
  });

  test("a query past its timeout ends with 503 timeout even if the engine has not noticed", async () => {
    const { engine, call } = createApiHarness();
    engine.answerWith(() => new Promise(() => undefined));
    const answer = await call("query", { query: "x", timeout: "0.05" });
    expect(answer).toMatchObject({ status: 503, body: { errorType: "timeout", error: "query timed out in expression evaluation" } });
  });

  test("limit keeps the first series and warns", async () => {
    const { engine, call } = createApiHarness();
    const sample = (job: string) => ({ labels: labelsFromRecord({ job }), t: 0, value: 1 });
    engine.answerWith(() => ({ value: { resultType: "vector", result: [sample("a"), sample("b")] }, warnings: [], infos: [] }));
    const answer = await call("query", { query: "x", limit: "1" });
    expect(answer.body).toMatchObject({ data: { result: [{ metric: { job: "a" } }] }, warnings: ["results truncated due to limit"] });
  });

  test("bad time, timeout and limit parameters are 400 in Prometheus's words", async () => {
    const { call } = createApiHarness();
    expect((await call("query", { query: "x", time: "yesterday" })).body).toEqual({ status: "error", errorType: "bad_data", error: 'invalid parameter "time": cannot parse "yesterday" to a valid timestamp' });
    expect((await call("query", { query: "x", timeout: "soon" })).body).toMatchObject({ error: 'invalid parameter "timeout": cannot parse "soon" to a valid duration' });
    expect((await call("query", { query: "x", limit: "-2" })).body).toMatchObject({ error: 'invalid parameter "limit": limit must be non-negative' });
  });
});

describe("query_range", () => {
  test("answers a matrix with values and histograms and passes start, end and step in ms", async () => {
    const { engine, call } = createApiHarness();
    const h = { counterResetHint: "unknown" as const, schema: 0, zeroThreshold: 0.001, zeroCount: 1, count: 3, sum: 5, positiveSpans: [{ offset: 0, length: 2 }], positiveBuckets: [1, 1], negativeSpans: [], negativeBuckets: [] };
    engine.answerWith(() => ({
      value: { resultType: "matrix", result: [{ labels: labelsFromRecord({ job: "a" }), floats: [{ t: 0, value: 1 }, { t: 15_000, value: -Infinity }], histograms: [{ t: 30_000, h }] }] },
      warnings: [],
      infos: ["PromQL info: x"],
    }));
    const answer = await call("query_range", { query: "x", start: "0", end: "30", step: "15s" });
    expect(answer.body).toEqual({
      status: "success",
      data: {
        resultType: "matrix",
        result: [{
          metric: { job: "a" },
          values: [[0, "1"], [15, "-Inf"]],
          histograms: [[30, { count: "3", sum: "5", buckets: [[3, "-0.001", "0.001", "1"], [0, "0.5", "1", "1"], [0, "1", "2", "1"]] }]],
        }],
      },
      infos: ["PromQL info: x"],
    });
    expect(engine.calls[0]).toMatchObject({ start: 0, end: 30_000, step: 15_000 });
  });

  test("refuses more than 11,000 points per series before evaluating", async () => {
    const { engine, call } = createApiHarness();
    const answer = await call("query_range", { query: "x", start: "0", end: "11001", step: "1" });
    expect(answer).toMatchObject({ status: 400, body: { errorType: "bad_data", error: "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)" } });
    expect((await call("query_range", { query: "x", start: "0", end: "11000", step: "1" })).status).toBe(200);
    expect(engine.calls).toHaveLength(1);
  });

  test("refuses an end before start, a zero step and missing parameters", async () => {
    const { call } = createApiHarness();
    expect((await call("query_range", { query: "x", start: "10", end: "5", step: "1" })).body).toMatchObject({ error: 'invalid parameter "end": end timestamp must not be before start time' });
    expect((await call("query_range", { query: "x", start: "0", end: "5", step: "0" })).body).toMatchObject({ error: 'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer' });
    expect((await call("query_range", { query: "x", end: "5", step: "1" })).body).toMatchObject({ error: 'invalid parameter "start": cannot parse "" to a valid timestamp' });
    expect((await call("query_range", { query: "x", start: "0", end: "5" })).body).toMatchObject({ error: 'invalid parameter "step": cannot parse "" to a valid duration' });
  });
});

describe("concurrent queries per person", () => {
  test("the fifth concurrent query of one person is refused at once with 503, others are unaffected", async () => {
    const { engine, call } = createApiHarness({ concurrency: 4 });
    engine.answerWith(waitForAbort);
    const controllers = Array.from({ length: 4 }, () => new AbortController());
    const running = controllers.map((c) => call("query", { query: "slow" }, { signal: c.signal }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await call("query", { query: "fifth" })).toMatchObject({ status: 503, body: { errorType: "unavailable", error: expect.stringMatching(/too many concurrent queries/) } });
    engine.answerWith(() => ({ value: { resultType: "vector", result: [] }, warnings: [], infos: [] }));
    expect((await call("query", { query: "other" }, { person: "bob" })).status).toBe(200);
    for (const c of controllers) c.abort();
    const ended = await Promise.all(running);
    expect(ended.map((r) => r.body.errorType)).toEqual(["canceled", "canceled", "canceled", "canceled"]);
    expect((await call("query", { query: "again" })).status).toBe(200);
  });
});

describe("format_query and buildinfo", () => {
  test("format_query answers the printed query or a bad query parameter", async () => {
    const { call } = createApiHarness();
    expect((await call("format_query", { query: "sum( up )" })).body).toEqual({ status: "success", data: "sum(up)" });
    expect((await call("format_query", {})).body).toMatchObject({ status: "error", errorType: "bad_data", error: 'invalid parameter "query": 1:1: parse error: no expression found in input' });
  });

  test("buildinfo names Orrery's version; unknown endpoints are 404 and wrong methods 405", async () => {
    const { call } = createApiHarness();
    expect((await call("status/buildinfo")).body).toMatchObject({ status: "success", data: { version: "0.1.0" } });
    expect(await call("nope")).toMatchObject({ status: 404, body: { errorType: "not_found" } });
    expect((await call("status/buildinfo", {}, { method: "POST" })).status).toBe(405);
  });
});
