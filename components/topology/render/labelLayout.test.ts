import { describe, expect, test } from "vitest";
import { keepLabelsThatFit } from "./labelLayout";

describe("keepLabelsThatFit", () => {
  test("a label that would cover one already kept is dropped; apart, both stay", () => {
    const candidates = [
      { x: 100, y: 100, text: "frontend-1" },
      { x: 110, y: 104, text: "frontend-2" },
      { x: 100, y: 130, text: "frontend-3" },
      { x: 300, y: 100, text: "redis-0" },
    ];
    expect(keepLabelsThatFit(candidates, 10)).toEqual([0, 2, 3]);
  });

  test("earlier candidates win, and no more than the limit are kept", () => {
    const candidates = Array.from({ length: 20 }, (_, i) => ({ x: i * 200, y: 0, text: `pod-${i}` }));
    expect(keepLabelsThatFit(candidates, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(keepLabelsThatFit([{ x: 0, y: 0, text: "b" }, { x: 0, y: 0, text: "a" }], 5)).toEqual([0]);
  });
});
