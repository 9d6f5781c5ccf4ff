import { describe, expect, test, vi } from "vitest";
import * as passwords from "./passwords";
import { LoginGuard } from "./loginGuard";
import { UserDirectory } from "./userDirectory";
import { basicSettings, TestClock } from "./testing/fixtures";

function guardWith(clock = new TestClock()) {
  const directory = new UserDirectory(basicSettings().users);
  const waits: number[] = [];
  // The clock moves by each wait, as it would have in real time.
  const wait = async (ms: number) => {
    waits.push(ms);
    clock.advance(ms);
  };
  return { guard: new LoginGuard(directory, undefined, clock.now, wait), clock, waits };
}

describe("LoginGuard", () => {
  test("signs in with the right password and gives the groups", async () => {
    const { guard } = guardWith();
    expect(await guard.attempt("alice", "alice-password", "10.0.0.1")).toEqual({ ok: true, user: { name: "alice", groups: ["orrery:admins"] } });
  });

  test("answers an unknown name exactly like a wrong password, after checking a hash too", async () => {
    const { guard } = guardWith();
    const verify = vi.spyOn(passwords, "verifyPassword");
    const wrongPassword = await guard.attempt("alice", "nope", "10.0.0.1");
    const unknownUser = await guard.attempt("mallory", "nope", "10.0.0.2");
    expect(unknownUser).toEqual(wrongPassword);
    expect(unknownUser).toEqual({ ok: false, reason: "invalid" });
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify.mock.calls[1]![0]).toMatch(/^\$argon2id\$/);
    verify.mockRestore();
  });

  test("five failures for alice from one address do not lock alice from another", async () => {
    const { guard, clock } = guardWith();
    for (let i = 0; i < 5; i++) await guard.attempt("alice", `guess-${i}`, "10.0.1.1");
    expect(await guard.attempt("alice", "alice-password", "10.0.1.1")).toEqual({ ok: false, reason: "throttled", retryAfterMs: 60_000 });
    expect(await guard.attempt("alice", "alice-password", "10.0.2.1")).toMatchObject({ ok: true, user: { name: "alice" } });
    expect(await guard.attempt("bob", "bob-password", "10.0.1.1")).toMatchObject({ ok: true });
    clock.advance(60_000);
    expect((await guard.attempt("alice", "alice-password", "10.0.1.1")).ok).toBe(true);
  });

  test("a burst of guesses sent at once from one address still checks only five passwords", async () => {
    const { guard } = guardWith();
    const verify = vi.spyOn(passwords, "verifyPassword");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => guard.attempt("alice", `guess-${i}`, "10.0.1.1")));
    expect(verify).toHaveBeenCalledTimes(5);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(7);
    verify.mockRestore();
  });

  test("a flood against one name from many addresses only slows it: its owner still signs in", async () => {
    const { guard, waits } = guardWith();
    const verify = vi.spyOn(passwords, "verifyPassword").mockImplementation(async (_hash, password) => password === "alice-password");
    for (let i = 0; i < 300; i++) expect(await guard.attempt("Alice", `guess-${i}`, `198.51.${i >> 8}.${i & 255}`)).toEqual({ ok: false, reason: "invalid" });
    waits.length = 0;
    expect(await guard.attempt("alice", "alice-password", "10.0.2.1")).toMatchObject({ ok: true, user: { name: "alice" } });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(10_000);
    verify.mockRestore();
  });

  test("locks an address that guesses across many user names", async () => {
    const { guard } = guardWith();
    const verify = vi.spyOn(passwords, "verifyPassword").mockImplementation(async (_hash, password) => password === "bob-password");
    for (let i = 0; i < 20; i++) await guard.attempt(`user-${i}`, "guess", "10.9.9.9");
    expect(await guard.attempt("bob", "bob-password", "10.9.9.9")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await guard.attempt("bob", "bob-password", "10.9.9.8")).ok).toBe(true);
    verify.mockRestore();
  });

  test("does not check a password at all while locked", async () => {
    const { guard } = guardWith();
    for (let i = 0; i < 5; i++) await guard.attempt("bob", "guess", "10.0.0.1");
    const verify = vi.spyOn(passwords, "verifyPassword");
    await guard.attempt("bob", "bob-password", "10.0.0.1");
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();
  });

  test("a locked guesser learns nothing from the cache of someone else's recent login", async () => {
    const { guard } = guardWith();
    expect((await guard.attemptCached("bob", "bob-password", "10.0.0.1")).ok).toBe(true);
    for (let i = 0; i < 5; i++) await guard.attemptCached("bob", `guess-${i}`, "10.6.6.6");
    expect(await guard.attemptCached("bob", "bob-password", "10.6.6.6")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await guard.attemptCached("bob", "bob-password", "10.0.0.1")).ok).toBe(true);
  });

  test("answers repeated HTTP Basic requests from a short cache, never caching a failure", async () => {
    const { guard, clock } = guardWith();
    const verify = vi.spyOn(passwords, "verifyPassword");
    expect((await guard.attemptCached("bob", "bob-password", "a")).ok).toBe(true);
    expect((await guard.attemptCached("bob", "bob-password", "a")).ok).toBe(true);
    expect(verify).toHaveBeenCalledTimes(1);
    expect((await guard.attemptCached("bob", "bob-passwordX", "a")).ok).toBe(false);
    clock.advance(61_000);
    expect((await guard.attemptCached("bob", "bob-password", "a")).ok).toBe(true);
    expect(verify).toHaveBeenCalledTimes(3);
    verify.mockRestore();
  });
});
