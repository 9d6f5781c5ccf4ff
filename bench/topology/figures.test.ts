import { describe, expect, it } from "vitest";
import { budgets, intervals, percentile, summaryLine, type Verdict } from "./figures";

const atBudgetSize: Verdict = { pods: 10_000, podsInCluster: 10_004, nodes: 1_000, nodesDrawn: 11_716, aggregated: false, firstPaintAfterDataMs: 900, frameMsP95: 16.7, repaintFrameMsP95: 16.7 };

describe("percentile", () => {
  it("takes the nearest rank of an ascending list", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("intervals", () => {
  it("gives the differences between consecutive times", () => {
    const gaps = intervals([0, 16.7, 33.4, 83.4]);
    expect(gaps).toHaveLength(3);
    [16.7, 16.7, 50].forEach((expected, i) => expect(gaps[i]).toBeCloseTo(expected, 6));
    expect(intervals([5])).toEqual([]);
  });
});

describe("summaryLine", () => {
  it("says both budgets are met at the budget's size", () => {
    const line = summaryLine(atBudgetSize);
    expect(line).toContain("budget ≤ 1500 ms: met");
    expect(line).toContain("budget ≥ 30 fps: met");
    expect(line).not.toContain("written for");
  });

  it("misses the first paint budget above 1.5 s after data", () => {
    expect(summaryLine({ ...atBudgetSize, firstPaintAfterDataMs: 1501 })).toContain("budget ≤ 1500 ms: MISSED");
  });

  it("counts a frame of two 60 Hz beats as 30 fps, and judges on the worse of all frames and repainting frames", () => {
    expect(summaryLine({ ...atBudgetSize, frameMsP95: 33.4, repaintFrameMsP95: 33.4 })).toContain("30 fps: met");
    expect(33.4).toBeLessThanOrEqual(budgets.frameMsP95);
    expect(summaryLine({ ...atBudgetSize, frameMsP95: 16.7, repaintFrameMsP95: 50 })).toContain("30 fps: MISSED");
  });

  it("names the size and aggregation, and says when the size is not the budget's", () => {
    const line = summaryLine({ ...atBudgetSize, pods: 100_000, podsInCluster: 100_025, nodesDrawn: 398, aggregated: true });
    expect(line).toContain("100025 pods / 1000 nodes, 398 nodes drawn (aggregated)");
    expect(line).toContain("the budgets are written for 10000 pods / 1000 nodes");
  });
});
