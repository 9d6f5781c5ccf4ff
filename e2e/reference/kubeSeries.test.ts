import { describe, expect, test } from "vitest";
import { labelValue } from "@/server/metrics/model/labels";
import { isStaleNaN } from "@/server/metrics/model/sample";
import { HISTOGRAM_BOUNDS, makeKubeSeries, SCRAPE_INTERVAL } from "./kubeSeries";
import { SeededRandom } from "./seededRandom";

const series = makeKubeSeries(new SeededRandom(11));
const named = (name: string) => series.filter((s) => labelValue(s.labels, "__name__") === name);

describe("makeKubeSeries", () => {
  test("timestamps ascend within every series and values match them one to one", () => {
    const unordered = series.filter((s) => s.values.length !== s.timestamps.length || s.timestamps.some((t, i) => i > 0 && t <= s.timestamps[i - 1]!));
    expect(unordered).toEqual([]);
  });

  test("has kube-state-metrics gauges with namespace, pod and node labels", () => {
    const info = named("kube_pod_info");
    expect(info.length).toBeGreaterThan(10);
    for (const s of info) for (const l of ["namespace", "pod", "node"]) expect(labelValue(s.labels, l)).not.toBe("");
    expect(named("kube_pod_container_resource_requests").length).toBeGreaterThan(10);
  });

  test("counters reset, and some series end with a stale marker or skip more than the lookback", () => {
    const resets = named("container_cpu_usage_seconds_total").some((s) => s.values.some((v, i) => i > 0 && v < s.values[i - 1]!));
    expect(resets).toBe(true);
    expect(series.some((s) => isStaleNaN(s.values[s.values.length - 1]!))).toBe(true);
    expect(series.some((s) => s.values.some((v) => Number.isNaN(v) && !isStaleNaN(v)))).toBe(true);
    const gap = series.some((s) => s.timestamps.some((t, i) => i > 0 && t - s.timestamps[i - 1]! > 5 * 60_000));
    expect(gap).toBe(true);
    expect(series.some((s) => s.timestamps.some((t, i) => i > 0 && t - s.timestamps[i - 1]! === SCRAPE_INTERVAL))).toBe(true);
  });

  test("classic histogram buckets are cumulative at every timestamp", () => {
    const buckets = named("http_request_duration_seconds_bucket").filter((s) => labelValue(s.labels, "namespace") === "default");
    expect(buckets.map((s) => labelValue(s.labels, "le")).sort()).toEqual([...HISTOGRAM_BOUNDS].sort());
    const byLe = HISTOGRAM_BOUNDS.map((le) => buckets.find((s) => labelValue(s.labels, "le") === le)!);
    for (let i = 0; i < byLe[0]!.values.length; i++) {
      for (let b = 1; b < byLe.length; b++) expect(byLe[b]!.values[i]!).toBeGreaterThanOrEqual(byLe[b - 1]!.values[i]!);
    }
  });

  test("the same seed gives the same data", () => {
    expect(makeKubeSeries(new SeededRandom(11))).toEqual(series);
  });
});
