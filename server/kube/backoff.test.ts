import { describe, expect, test } from "vitest";
import { fullJitterDelay, retryDelay, sleep } from "./backoff";
import { KubeApiError } from "./errors";

const timings = { baseMs: 100, capMs: 1_000 };

describe("fullJitterDelay", () => {
  test("grows the upper bound exponentially up to the cap", () => {
    const top = () => 0.999999;
    expect(fullJitterDelay(1, timings, top)).toBe(99);
    expect(fullJitterDelay(3, timings, top)).toBe(399);
    expect(fullJitterDelay(50, timings, top)).toBe(999);
  });

  test("spreads waits over the whole range from zero", () => {
    expect(fullJitterDelay(4, timings, () => 0)).toBe(0);
    expect(fullJitterDelay(4, timings, () => 0.5)).toBe(400);
  });
});

describe("retryDelay", () => {
  test("honours Retry-After on 429, 503 and 500", () => {
    for (const status of [429, 503, 500]) {
      expect(retryDelay(new KubeApiError("http://x", status, undefined, "busy", 7), 1, timings)).toBe(7_000);
    }
  });

  test("ignores Retry-After on other statuses and uses jitter", () => {
    expect(retryDelay(new KubeApiError("http://x", 403, "Forbidden", "no", 7), 2, timings, () => 0.5)).toBe(100);
  });
});

describe("sleep", () => {
  test("ends early when its signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const done = sleep(60_000, controller.signal);
    controller.abort();
    await done;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
