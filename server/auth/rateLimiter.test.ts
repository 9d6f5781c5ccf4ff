import { describe, expect, test } from "vitest";
import { RateLimiter } from "./rateLimiter";
import { TestClock } from "./testing/fixtures";

const policy = { maxFailures: 5, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 };

function failTimes(limiter: RateLimiter, key: string, times: number): void {
  for (let i = 0; i < times; i++) limiter.recordFailure(key);
}

describe("RateLimiter", () => {
  test("allows four failures a minute and locks on the fifth", () => {
    const clock = new TestClock();
    const limiter = new RateLimiter(policy, clock.now);
    failTimes(limiter, "user:alice", 4);
    expect(limiter.check("user:alice")).toEqual({ allowed: true });
    limiter.recordFailure("user:alice");
    expect(limiter.check("user:alice")).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(limiter.check("user:bob")).toEqual({ allowed: true });
  });

  test("failures older than the window do not count", () => {
    const clock = new TestClock();
    const limiter = new RateLimiter(policy, clock.now);
    failTimes(limiter, "k", 4);
    clock.advance(61_000);
    failTimes(limiter, "k", 4);
    expect(limiter.check("k").allowed).toBe(true);
  });

  test("backs off exponentially up to the longest lock", () => {
    const clock = new TestClock();
    const limiter = new RateLimiter(policy, clock.now);
    const locks: number[] = [];
    for (let round = 0; round < 6; round++) {
      failTimes(limiter, "k", 5);
      const verdict = limiter.check("k");
      if (verdict.allowed) throw new Error("expected a lock");
      locks.push(verdict.retryAfterMs);
      clock.advance(verdict.retryAfterMs);
    }
    expect(locks).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  test("a lock ends on time and a success forgets the backoff", () => {
    const clock = new TestClock();
    const limiter = new RateLimiter(policy, clock.now);
    failTimes(limiter, "k", 5);
    clock.advance(59_999);
    expect(limiter.check("k").allowed).toBe(false);
    clock.advance(1);
    expect(limiter.check("k").allowed).toBe(true);
    limiter.recordSuccess("k");
    failTimes(limiter, "k", 5);
    expect(limiter.check("k")).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  test("memory stays bounded under a flood of keys", () => {
    const limiter = new RateLimiter(policy, Date.now, 1_000);
    for (let i = 0; i < 5_000; i++) limiter.recordFailure(`addr:${i}`);
    failTimes(limiter, "addr:last", 5);
    expect(limiter.check("addr:last").allowed).toBe(false);
    expect((limiter as unknown as { keys: Map<string, unknown> }).keys.size).toBeLessThanOrEqual(1_000);
  });
});
