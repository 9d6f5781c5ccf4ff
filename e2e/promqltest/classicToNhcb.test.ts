import { describe, expect, test } from "vitest";
import { labelsToRecord } from "@/server/metrics/model/labels";
import { convertClassicToNhcb } from "./classicToNhcb";
import { parseScript } from "./parseScript";
import type { LoadCommand } from "./scriptTypes";

describe("convertClassicToNhcb", () => {
  test("turns cumulative le buckets, count and sum into one custom-bucket histogram per label set and time", () => {
    const load = parseScript(`load_with_nhcb 5m
  lat_bucket{job="a", le="0.1"} 1 2
  lat_bucket{job="a", le="1"} 3 5
  lat_bucket{job="a", le="+Inf"} 4 6
  lat_count{job="a"} 4 6
  lat_sum{job="a"} 1.5 2
`).commands[0] as LoadCommand;
    const [series] = convertClassicToNhcb(load);
    expect(labelsToRecord(series!.labels)).toEqual({ __name__: "lat", job: "a" });
    expect(series!.samples.map((s) => s.t)).toEqual([0, 300_000]);
    expect(series!.samples[1]!.h).toMatchObject({ schema: -53, count: 6, sum: 2, customValues: [0.1, 1], positiveBuckets: [2, 3, 1] });
  });

  test("without a +Inf bucket the count closes the histogram", () => {
    const load = parseScript('load_with_nhcb 1m\n  x_bucket{le="1"} 2\n  x_count 5\n').commands[0] as LoadCommand;
    expect(convertClassicToNhcb(load)[0]!.samples[0]!.h).toMatchObject({ count: 5, customValues: [1], positiveBuckets: [2, 3] });
  });
});
