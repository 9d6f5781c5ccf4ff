import { describe, expect, test } from "vitest";
import { gestureTransform } from "./gestureTransform";

describe("gestureTransform", () => {
  test("no move is the identity", () => {
    expect(gestureTransform({ x: 5, y: 6, k: 1.5 }, { x: 5, y: 6, k: 1.5 })).toBe("matrix(1, 0, 0, 1, 0, 0)");
  });

  test("a pan translates by the difference", () => {
    expect(gestureTransform({ x: 10, y: 20, k: 2 }, { x: 40, y: 5, k: 2 })).toBe("matrix(1, 0, 0, 1, 30, -15)");
  });

  test("a zoom scales about the point that stays put", () => {
    // World 0 was at screen 10 and is now at 30, twice as large: translate 30 - 10 * 2.
    expect(gestureTransform({ x: 10, y: 20, k: 1 }, { x: 30, y: 20, k: 2 })).toBe("matrix(2, 0, 0, 2, 10, -20)");
  });
});
