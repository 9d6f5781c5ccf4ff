import { describe, expect, test } from "vitest";
import { series, STALE } from "./testing/arrayQuerier";
import { engineOver } from "./testing/engineOver";

const m = 60_000;
const { engine, instant, range } = engineOver([
  series({ __name__: "up", job: "api", instance: "a" }, m, [1, 1, 1, 1, 1, 1]),
  series({ __name__: "up", job: "api", instance: "b" }, m, [0, 0, 1, STALE]),
  series({ __name__: "cpu", job: "api", instance: "a", mode: "user" }, m, [1, 2, 3, 4, 5, 6]),
  series({ __name__: "cpu", job: "api", instance: "a", mode: "system" }, m, [10, 20, 30, 40, 50, 60]),
  series({ __name__: "cpu", job: "api", instance: "b", mode: "user" }, m, [2, 4, 6, 8, 10, 12]),
  series({ __name__: "node_meta", instance: "a", zone: "z1" }, m, [1, 1, 1, 1, 1, 1]),
  series({ __name__: "node_meta", instance: "c", zone: "z2" }, m, [1, 1, 1, 1, 1, 1]),
  series({ __name__: "target_info", job: "api", instance: "a", version: "v1" }, m, [1, 1, 1, 1, 1, 1]),
]);

describe("createEngine", () => {
  test("offset and @ move the selector, @ end() pins every step to the query's end", async () => {
    expect(await instant('cpu{mode="user", instance="a"} offset 2m', 5 * 60)).toEqual({ '{__name__="cpu", instance="a", job="api", mode="user"}': 4 });
    expect(await range('cpu{mode="user", instance="a"} @ end()', 60, 180, 60)).toEqual({
      '{__name__="cpu", instance="a", job="api", mode="user"}': [[60, 4], [120, 4], [180, 4]],
    });
  });

  test("a stale marker ends a series before the lookback would", async () => {
    expect(await range("up{instance=\"b\"}", 0, 240, 60)).toEqual({ '{__name__="up", instance="b", job="api"}': [[0, 0], [60, 0], [120, 1]] });
  });

  test("group_left copies labels from the one side and keeps the many side's", async () => {
    expect(await instant("cpu * on(instance) group_left(zone) node_meta", 60)).toEqual({
      '{instance="a", job="api", mode="system", zone="z1"}': 20,
      '{instance="a", job="api", mode="user", zone="z1"}': 2,
    });
  });

  test("fill(0) adds series missing on either side", async () => {
    const got = await instant('sum by (instance) (cpu) + on(instance) fill(0) sum by (instance) (node_meta)', 60);
    expect(got).toEqual({ '{instance="a"}': 23, '{instance="b"}': 4, '{instance="c"}': 1 });
  });

  test("many-to-many matching is refused in Prometheus's words", async () => {
    await expect(engine.instantQuery("up + on(instance) cpu", 60_000)).rejects.toThrow(
      /found duplicate series for the match group \{instance="a"\} on the right hand-side.*many-to-many matching not allowed/,
    );
    await expect(engine.instantQuery("cpu + on(instance) up", 60_000)).rejects.toThrow(
      "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)",
    );
  });

  test("set operators: and, or, unless by signature", async () => {
    expect(Object.keys(await instant("cpu and on(instance) up == 0", 60))).toEqual(['{__name__="cpu", instance="b", job="api", mode="user"}']);
    expect(Object.keys(await instant("up unless on(instance) cpu{mode=\"system\"}", 60))).toEqual(['{__name__="up", instance="b", job="api"}']);
  });

  test("a name dropped by rate comes off only at the end, so aggregating by __name__ still groups", async () => {
    const got = await instant("sum by (__name__) (rate(cpu[5m]))", 300);
    expect(Object.keys(got)).toEqual(["{}"]);
    expect(got["{}"]).toBeCloseTo((4 + 40 + 8) / 240, 12);
    await expect(engine.instantQuery('max by (__name__, instance) (rate({__name__=~"cpu|up"}[5m]))', 300_000)).rejects.toThrow(
      "vector cannot contain metrics with the same labelset",
    );
  });

  test("subqueries evaluate at absolute multiples of their step", async () => {
    expect(await instant('sum_over_time(cpu{mode="user", instance="a"}[3m:1m])', 270)).toEqual({ '{instance="a", job="api", mode="user"}': 3 + 4 + 5 });
  });

  test("aggregations with parameters: topk, quantile, count_values", async () => {
    expect(await instant("topk by (instance) (1, cpu)", 0)).toEqual({
      '{__name__="cpu", instance="a", job="api", mode="system"}': 10,
      '{__name__="cpu", instance="b", job="api", mode="user"}': 2,
    });
    expect(await instant("quantile(0.5, cpu)", 0)).toEqual({ "{}": 2 });
    expect(await instant('count_values("v", up)', 0)).toEqual({ '{v="1"}': 1, '{v="0"}': 1 });
  });

  test("label_replace expands groups as Go does and keeps a name written to __name__", async () => {
    expect(await instant('label_replace(up{instance="a"}, "x", "$1x-${1}", "instance", "(.*)")', 0)).toEqual({
      '{__name__="up", instance="a", job="api", x="-a"}': 1,
    });
    expect(await instant('label_replace(rate(up{instance="a"}[5m]), "__name__", "r_$1", "__name__", "(.+)")', 300)).toEqual({
      '{__name__="r_up", instance="a", job="api"}': 0,
    });
  });

  test("info() adds target_info's data labels", async () => {
    expect(await instant('info(cpu{mode="user"})', 0)).toEqual({
      '{__name__="cpu", instance="a", job="api", mode="user", version="v1"}': 1,
      '{__name__="cpu", instance="b", job="api", mode="user"}': 2,
    });
  });

  test("rate on a name without a counter suffix gives Prometheus's info", async () => {
    const { infos } = await engine.instantQuery("rate(up[5m])", 300_000);
    expect(infos).toEqual(['PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "up" (1:6)']);
  });

  test("sort orders an instant vector and warns in a range query", async () => {
    const sorted = await engine.instantQuery("sort_desc(cpu)", 0);
    expect(sorted.value.resultType === "vector" && sorted.value.result.map((s) => s.value)).toEqual([10, 2, 1]);
    const { warnings } = await engine.rangeQuery("sort(cpu)", 0, m, m);
    expect(warnings).toEqual(["PromQL warning: sort is ineffective for range queries since results are always ordered by labels (1:1)"]);
  });

  test("a range vector cannot be the result of a range query", async () => {
    await expect(engine.rangeQuery("cpu[5m]", 0, m, m)).rejects.toThrow('invalid expression type "range vector" for range query, must be Scalar or instant Vector');
  });

  test("an aborted signal cancels the query", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.instantQuery("cpu", 0, { signal: controller.signal })).rejects.toMatchObject({ type: "canceled" });
  });

  test("extra matchers narrow every selector", async () => {
    const got = await instant("sum(cpu) + sum(up)", 0, );
    expect(got).toEqual({ "{}": 13 + 1 });
    const narrowed = await engine.instantQuery("sum(cpu) + sum(up)", 0, { extraMatchers: [{ type: "=", name: "instance", value: "b" }] });
    expect(narrowed.value.resultType === "vector" && narrowed.value.result[0]?.value).toBe(2);
  });
});
