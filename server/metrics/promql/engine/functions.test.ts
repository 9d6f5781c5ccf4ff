import { describe, expect, test } from "vitest";
import { series } from "./testing/arrayQuerier";
import { engineOver } from "./testing/engineOver";

const m = 60_000;
const { engine, instant, range } = engineOver([
  series({ __name__: "req_bucket", job: "api", le: "0.1" }, m, [0, 10, 20]),
  series({ __name__: "req_bucket", job: "api", le: "1" }, m, [0, 30, 60]),
  series({ __name__: "req_bucket", job: "api", le: "+Inf" }, m, [0, 40, 80]),
  series({ __name__: "req_bucket", job: "bad", le: "fast" }, m, [0, 1, 2]),
  series({ __name__: "temp", room: "a", floor: "1" }, m, [20, 21, 22]),
  series({ __name__: "temp", room: "b", floor: "2" }, m, [18, 19, 20]),
]);

describe("engine functions", () => {
  test("histogram_quantile interpolates inside classic buckets and warns about a malformed le", async () => {
    const result = await engine.instantQuery("histogram_quantile(0.5, req_bucket)", 2 * m);
    expect(result.value.resultType === "vector" && result.value.result.map((s) => [s.labels, s.value])).toEqual([
      [[{ name: "job", value: "api" }], 0.1 + (0.9 * (40 - 20)) / 40],
    ]);
    expect(result.warnings).toEqual(['PromQL warning: bucket label "le" is missing or has a malformed value of "fast" for metric name "req_bucket" (1:25)']);
  });

  test("histogram_fraction over classic buckets", async () => {
    expect(await instant('histogram_fraction(0, 1, req_bucket{job="api"})', 120)).toEqual({ '{job="api"}': 0.75 });
  });

  test("absent and absent_over_time take labels from the selector's equality matchers", async () => {
    expect(await instant('absent(nothing{job="x", env=~"p.*"})', 0)).toEqual({ '{job="x"}': 1 });
    expect(await instant("absent(temp)", 0)).toEqual({});
    expect(await range('absent_over_time(temp{room="c"}[1m])', 0, 60, 60)).toEqual({ '{room="c"}': [[0, 1], [60, 1]] });
  });

  test("label_join, scalar, vector and time", async () => {
    expect(await instant('label_join(temp{room="a"}, "where", "-", "floor", "room")', 0)).toEqual({
      '{__name__="temp", floor="1", room="a", where="1-a"}': 20,
    });
    expect(await instant('scalar(temp{room="b"}) + time()', 60)).toEqual({ scalar: 19 + 60 });
    expect(await instant("scalar(temp)", 60)).toEqual({ scalar: NaN });
    expect(await instant("vector(1) * 3", 0)).toEqual({ "{}": 3 });
  });

  test("timestamp of a selector is the sample's own time", async () => {
    expect(await instant('timestamp(temp{room="a"})', 90)).toEqual({ '{floor="1", room="a"}': 60 });
  });

  test("timestamp of a selector with @ reads at the @ time, seeing only samples inside its offset window", async () => {
    expect(await instant('timestamp(temp{room="a"} @ 60 offset -60s)', 0)).toEqual({ '{floor="1", room="a"}': 60 });
    expect(await range('timestamp(temp{room="a"} @ 60 offset -301s)', 0, 60, 60)).toEqual({});
  });

  test("predict_linear over a subquery with @ is empty, as Prometheus finds no range vector there", async () => {
    expect(await instant('predict_linear(temp{room="a"}[2m:1m] @ 120, 60)', 120)).toEqual({});
    expect(await range('predict_linear((temp{room="a"}[2m:1m] @ end() offset 1m), 60)', 60, 120, 60)).toEqual({});
    expect(await instant('predict_linear(temp{room="a"}[2m:1m], 60)', 120)).toEqual({ '{floor="1", room="a"}': 23 });
    expect(await instant('predict_linear(temp{room="a"}[3m] @ 120, 60)', 120)).toEqual({ '{floor="1", room="a"}': 23 });
  });

  test("step() and range() in a range selector resolve per query", async () => {
    expect(await range('count_over_time(temp{room="a"}[step()])', 60, 120, 60)).toEqual({ '{floor="1", room="a"}': [[60, 1], [120, 1]] });
  });

  test("comparisons filter and keep the name; bool and arithmetic drop it", async () => {
    expect(await instant("temp > 19", 60)).toEqual({ '{__name__="temp", floor="1", room="a"}': 21 });
    expect(await instant("20 < temp", 60)).toEqual({ '{__name__="temp", floor="1", room="a"}': 21 });
    expect(await instant("temp > bool 19", 60)).toEqual({ '{floor="1", room="a"}': 1, '{floor="2", room="b"}': 0 });
    expect(await instant('-temp{room="b"}', 0)).toEqual({ '{floor="2", room="b"}': -18 });
  });

  test("aggregation variants: avg, stddev, count_values and limitk", async () => {
    expect(await instant("avg(temp)", 0)).toEqual({ "{}": 19 });
    expect(await instant("stddev(temp)", 0)).toEqual({ "{}": 1 });
    expect(await instant('count_values("v", temp / 8)', 0)).toEqual({ '{v="2.5"}': 1, '{v="2.25"}': 1 });
    expect(Object.keys(await instant("limitk(1, temp)", 0))).toHaveLength(1);
  });

  test("limit_ratio with r and -(1 - r) splits the series between them", async () => {
    const both = await instant("count(limit_ratio(0.3, temp) or limit_ratio(-0.7, temp))", 0);
    const overlap = await instant("count(limit_ratio(0.3, temp) and limit_ratio(-0.7, temp))", 0);
    expect(both).toEqual({ "{}": 2 });
    expect(overlap).toEqual({});
  });

  test("avg stays finite where the plain sum would overflow", async () => {
    expect(await instant("avg(temp * 1e307)", 0)).toEqual({ "{}": 19 * 1e307 });
  });

  test("round, clamp and math", async () => {
    expect(await instant('round(temp{room="a"} / 3, 0.5)', 0)).toEqual({ '{floor="1", room="a"}': 6.5 });
    expect(await instant("clamp(temp, 19, 19.5)", 0)).toEqual({ '{floor="1", room="a"}': 19.5, '{floor="2", room="b"}': 19 });
    expect(await instant("clamp(temp, 2, 1)", 0)).toEqual({});
    expect(await instant('sqrt(temp{room="b"} * 2)', 0)).toEqual({ '{floor="2", room="b"}': 6 });
  });

  test("topk's parameter must be a number", async () => {
    await expect(engine.instantQuery("topk(NaN, temp)", 0)).rejects.toThrow("Parameter value is NaN");
  });
});
