import { describe, expect, test } from "vitest";
import { StringInterner } from "./stringInterner";

describe("StringInterner", () => {
  test("holds each distinct string once", () => {
    const interner = new StringInterner();
    for (let i = 0; i < 100; i++) expect(interner.intern(["Run", "ning"].join(""))).toBe("Running");
    expect(interner.size).toBe(1);
  });

  test("stays bounded when every string is unique", () => {
    const interner = new StringInterner(50);
    for (let i = 0; i < 10_000; i++) interner.intern(`pod-${i}`);
    expect(interner.size).toBeLessThanOrEqual(100);
  });

  test("does not store long strings", () => {
    const interner = new StringInterner(10, 4);
    expect(interner.intern("longer")).toBe("longer");
    expect(interner.size).toBe(0);
  });
});
