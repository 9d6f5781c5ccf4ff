import { describe, expect, test } from "vitest";
import { createLimiter } from "./limiter";

describe("createLimiter", () => {
  test("never runs more than the cap, and runs everything", async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const task = (i: number) => limit(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
      running--;
      return i;
    });
    const first = Array.from({ length: 10 }, (_, i) => task(i));
    // Newcomers arriving while slots are handed over must not overtake the cap either.
    await Promise.resolve();
    const second = Array.from({ length: 10 }, (_, i) => task(10 + i));
    expect(await Promise.all([...first, ...second])).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
  });

  test("a failing task frees its slot", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit(async () => "next")).toBe("next");
  });
});
