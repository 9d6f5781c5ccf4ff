import { describe, expect, test } from "vitest";
import { describeCounts } from "./matchCounts";

describe("describeCounts", () => {
  test("totals and kinds, the largest first", () => {
    expect(describeCounts({ matches: new Set(["a", "b", "c"]), countsByKind: { Service: 1, Pod: 2 } })).toBe("3 matches: 2 pods, 1 service");
    expect(describeCounts({ matches: new Set(["a"]), countsByKind: { Pod: 1 } })).toBe("1 match: 1 pod");
    expect(describeCounts({ matches: new Set(), countsByKind: {} })).toBe("no matches");
  });
});
