import { describe, expect, it } from "vitest";
import { repaintFrames } from "./frameFigures";

describe("repaintFrames", () => {
  it("keeps only intervals in which the paint count grew, with the scale of the tick before", () => {
    const record = {
      times: [0, 16.7, 33.4, 83.4, 100.1],
      paints: [3, 3, 4, 5, 5],
      scales: [0.3, 0.4, 0.8, 1.5, 1.5],
    };
    const frames = repaintFrames(record);
    expect(frames).toHaveLength(2);
    expect(frames[0]!.ms).toBeCloseTo(16.7, 6);
    expect(frames[0]!.scale).toBe(0.4);
    expect(frames[1]!.ms).toBeCloseTo(50, 6);
    expect(frames[1]!.scale).toBe(0.8);
  });

  it("finds none when the map never repainted", () => {
    expect(repaintFrames({ times: [0, 16.7, 33.4], paints: [1, 1, 1], scales: [1, 1, 1] })).toEqual([]);
  });
});
