import { describe, expect, test } from "vitest";
import { intersectPostings, mergePostings, removeFromPostings, subtractPostings } from "./postings";

describe("postings", () => {
  test("intersect, subtract and merge sorted id lists", () => {
    expect(intersectPostings([1, 3, 5, 7], [2, 3, 7, 9])).toEqual([3, 7]);
    expect(subtractPostings([1, 3, 5, 7], [3, 4, 7])).toEqual([1, 5]);
    expect(mergePostings([[1, 4], [2, 4, 9], [], [3]])).toEqual([1, 2, 3, 4, 9]);
    expect(mergePostings([])).toEqual([]);
  });

  test("removes ids in place", () => {
    const list = [1, 2, 3, 4];
    removeFromPostings(list, new Set([2, 4]));
    expect(list).toEqual([1, 3]);
  });
});
