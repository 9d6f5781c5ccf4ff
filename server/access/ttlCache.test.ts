import { describe, expect, test } from "vitest";
import { TtlCache } from "./ttlCache";

describe("TtlCache", () => {
  test("forgets entries when they expire", () => {
    let now = 1000;
    const cache = new TtlCache<boolean>(10, () => now);
    cache.set("a", true, 30_000);
    now += 29_999;
    expect(cache.get("a")).toBe(true);
    now += 1;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test("stays within its bound by dropping the least recently used", () => {
    const cache = new TtlCache<number>(3);
    for (const key of ["a", "b", "c"]) cache.set(key, 1, 60_000);
    cache.get("a");
    cache.set("d", 1, 60_000);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual([1, 1, 1]);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i, 60_000);
    expect(cache.size).toBe(3);
  });
});
