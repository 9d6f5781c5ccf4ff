import { describe, expect, test } from "vitest";
import { isStaleNaN } from "@/server/metrics/model/sample";
import { labelsToRecord } from "@/server/metrics/model/labels";
import { parseSeriesLine, type SequenceValue } from "./seriesLine";

function floats(values: SequenceValue[]): (number | "_" | "stale")[] {
  return values.map((v) => (v.kind === "omitted" ? "_" : v.kind === "float" ? (isStaleNaN(v.value) ? "stale" : v.value) : NaN));
}

describe("parseSeriesLine", () => {
  test("expands a+bxN into N+1 points starting at a", () => {
    expect(floats(parseSeriesLine("m 1+2x3").values)).toEqual([1, 3, 5, 7]);
    expect(floats(parseSeriesLine("m 10-3x2").values)).toEqual([10, 7, 4]);
    expect(floats(parseSeriesLine("m -1-1x2").values)).toEqual([-1, -2, -3]);
    expect(floats(parseSeriesLine("m 0x3").values)).toEqual([0, 0, 0, 0]);
  });

  test("reads gaps, repeated gaps, stale markers and special floats", () => {
    const values = parseSeriesLine("m 5 _ _x2 stale NaN -Inf +Inf 1e3 .5").values;
    expect(floats(values).slice(0, 5)).toEqual([5, "_", "_", "_", "stale"]);
    const tail = floats(values).slice(5);
    expect(Number.isNaN(tail[0]) && !isStaleNaN(tail[0] as number)).toBe(true);
    expect(tail.slice(1)).toEqual([-Infinity, Infinity, 1000, 0.5]);
  });

  test("reads the metric name and labels, including values that contain braces and escapes", () => {
    const line = parseSeriesLine(`http{job="api", text="{count:2, a\\"b}", 'q'='x'} 1`);
    expect(labelsToRecord(line.labels)).toEqual({ __name__: "http", job: "api", text: '{count:2, a"b}', q: "x" });
    expect(labelsToRecord(parseSeriesLine(`{"my.metric", env="prod"} 1`).labels)).toEqual({ __name__: "my.metric", env: "prod" });
    expect(parseSeriesLine("{} 3").labels).toEqual([]);
  });

  test("reads a native histogram with its fields and defaults", () => {
    const [value] = parseSeriesLine("h {{schema:1 sum:-3 count:22 z_bucket:1 z_bucket_w:0.001 offset:2 buckets:[5 10 7] n_buckets:[1]}}").values;
    expect(value).toMatchObject({
      kind: "histogram",
      counterResetHintSet: false,
      histogram: { schema: 1, sum: -3, count: 22, zeroCount: 1, zeroThreshold: 0.001, positiveSpans: [{ offset: 2, length: 3 }], positiveBuckets: [5, 10, 7], negativeSpans: [{ offset: 0, length: 1 }], negativeBuckets: [1], counterResetHint: "unknown" },
    });
  });

  test("records whether a counter reset hint was written, and reads custom bucket bounds", () => {
    const [value] = parseSeriesLine("h {{schema:-53 count:3 sum:2 custom_values:[1 5] buckets:[1 2] counter_reset_hint:gauge}}").values;
    expect(value).toMatchObject({ counterResetHintSet: true, histogram: { counterResetHint: "gauge", customValues: [1, 5] } });
  });

  test("expands {{a}}+{{b}}xN by adding b bucket by bucket", () => {
    const values = parseSeriesLine("h {{schema:0 count:1 sum:2 buckets:[1]}}+{{schema:0 count:2 sum:3 offset:1 buckets:[2]}}x2").values;
    expect(values).toHaveLength(3);
    expect(values[2]).toMatchObject({ histogram: { count: 5, sum: 8, positiveSpans: [{ offset: 0, length: 2 }], positiveBuckets: [1, 4] } });
  });

  test("repeats a histogram with xN and refuses unreadable values", () => {
    expect(parseSeriesLine("h {{count:1}}x2").values).toHaveLength(3);
    expect(() => parseSeriesLine("m 1+x3")).toThrow(/cannot read series value/);
    expect(() => parseSeriesLine("h {{bogus:1}}")).toThrow(/unknown histogram field/);
    expect(() => parseSeriesLine(`m{a="1" 1`)).toThrow();
  });
});
