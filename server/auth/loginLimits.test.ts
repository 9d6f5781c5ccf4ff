import { describe, expect, test } from "vitest";
import { LoginLimits } from "./loginLimits";
import { TestClock } from "./testing/fixtures";

function fail(limits: LoginLimits, name: string, address: string, times: number): void {
  for (let i = 0; i < times; i++) limits.recordFailure(name, address);
}

describe("LoginLimits", () => {
  test("five failures for alice from address A do not lock alice from address B", () => {
    const limits = new LoginLimits(new TestClock().now);
    fail(limits, "alice", "10.0.0.1", 5);
    expect(limits.allowance("alice", "10.0.0.1")).toEqual({ delayMs: 0, lockedForMs: 60_000 });
    expect(limits.allowance("ALICE ", "10.0.0.1").lockedForMs).toBe(60_000);
    expect(limits.allowance("alice", "10.0.0.2")).toEqual({ delayMs: 0 });
    expect(limits.allowance("bob", "10.0.0.1")).toEqual({ delayMs: 0 });
  });

  test("a flood against one name from many addresses only slows it, briefly", () => {
    const clock = new TestClock();
    const limits = new LoginLimits(clock.now);
    const delays: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const address = `198.51.${i >> 8}.${i & 255}`;
      const allowance = limits.allowance("alice", address);
      expect(allowance.lockedForMs).toBeUndefined();
      delays.push(allowance.delayMs);
      clock.advance(allowance.delayMs);
      limits.recordFailure("alice", address);
    }
    expect(delays.slice(0, 100).every((ms) => ms === 0)).toBe(true);
    expect(Math.max(...delays)).toBe(10_000);
    const victim = limits.allowance("alice", "10.0.0.9");
    expect(victim.lockedForMs).toBeUndefined();
    expect(victim.delayMs).toBeGreaterThan(0);
    expect(limits.allowance("bob", "10.0.0.9")).toEqual({ delayMs: 0 });
  });

  test("an address guessing across twenty names is locked for every name", () => {
    const limits = new LoginLimits(new TestClock().now);
    for (let i = 0; i < 19; i++) limits.recordFailure(`user-${i}`, "10.9.9.9");
    expect(limits.allowance("bob", "10.9.9.9")).toEqual({ delayMs: 0 });
    limits.recordFailure("user-19", "10.9.9.9");
    expect(limits.allowance("bob", "10.9.9.9").lockedForMs).toBe(60_000);
    expect(limits.allowance("bob", "10.9.9.8")).toEqual({ delayMs: 0 });
  });

  test("a success forgives its own pair only, not the address's spraying", () => {
    const limits = new LoginLimits(new TestClock().now);
    fail(limits, "alice", "10.0.0.1", 4);
    for (let i = 0; i < 15; i++) limits.recordFailure(`user-${i}`, "10.0.0.1");
    limits.recordSuccess("alice", "10.0.0.1");
    limits.recordFailure("alice", "10.0.0.1");
    expect(limits.allowance("alice", "10.0.0.1").lockedForMs).toBe(60_000);
  });
});
