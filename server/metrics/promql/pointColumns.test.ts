import { describe, expect, it } from "vitest";
import { columnarSeries, pointColumnsOf } from "./pointColumns";

const labels = [{ name: "job", value: "app" }];

function series() {
  return columnarSeries(labels, { timestamps: Float64Array.of(1000, 2000), values: Float64Array.of(1.5, NaN) });
}

describe("columnarSeries", () => {
  it("reads as points built from the columns", () => {
    expect(series()).toEqual({ labels, floats: [{ t: 1000, value: 1.5 }, { t: 2000, value: NaN }] });
  });

  it("keeps its columns until the points are read", () => {
    const s = series();
    expect(Array.from(pointColumnsOf(s)!.timestamps)).toEqual([1000, 2000]);
    s.floats.pop();
    expect(pointColumnsOf(s)).toBeUndefined();
    expect(s.floats).toEqual([{ t: 1000, value: 1.5 }]);
  });

  it("takes replaced points as the truth", () => {
    const s = series();
    s.floats = [{ t: 5, value: 6 }];
    expect(pointColumnsOf(s)).toBeUndefined();
    expect(JSON.parse(JSON.stringify(s))).toEqual({ labels, floats: [{ t: 5, value: 6 }] });
  });

  it("is unknown for plain series", () => {
    expect(pointColumnsOf({ labels, floats: [] })).toBeUndefined();
  });
});
