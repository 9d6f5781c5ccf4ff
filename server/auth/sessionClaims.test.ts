import { describe, expect, test } from "vitest";
import { judgeSession, newSessionClaims, readSessionClaims, touchSession } from "./sessionClaims";
import { TestClock } from "./testing/fixtures";

const timeouts = { idleMs: 60 * 60_000, maxMs: 12 * 60 * 60_000 };
const never = () => false;

describe("session timeouts", () => {
  test("a new session lasts the idle timeout unless used", () => {
    const clock = new TestClock();
    const claims = newSessionClaims({ name: "alice", groups: ["g"], method: "basic" }, clock.time, timeouts);
    expect(judgeSession(claims, clock.time + 59 * 60_000, never)).toEqual({ valid: true });
    expect(judgeSession(claims, clock.time + 60 * 60_000, never)).toEqual({ valid: false, reason: "idle" });
  });

  test("use slides the idle deadline but never past the absolute limit", () => {
    const clock = new TestClock();
    let claims = newSessionClaims({ name: "alice", groups: [], method: "basic" }, clock.time, timeouts);
    const start = clock.time;
    for (let step = 0; step < 20; step++) {
      clock.advance(50 * 60_000);
      if (!judgeSession(claims, clock.time, never).valid) break;
      claims = touchSession(claims, clock.time, timeouts);
    }
    expect(claims.absoluteExpiresAt).toBe(start + timeouts.maxMs);
    expect(claims.idleExpiresAt).toBeLessThanOrEqual(claims.absoluteExpiresAt);
    expect(judgeSession(claims, start + timeouts.maxMs, never)).toEqual({ valid: false, reason: "absolute" });
    expect(judgeSession(claims, start + timeouts.maxMs - 1, never)).toEqual({ valid: true });
  });

  test("a revoked session is refused whatever its times", () => {
    const clock = new TestClock();
    const claims = newSessionClaims({ name: "alice", groups: [], method: "basic" }, clock.time, timeouts);
    expect(judgeSession(claims, clock.time, (sid) => sid === claims.sid)).toEqual({ valid: false, reason: "revoked" });
  });

  test("every session gets its own id", () => {
    const a = newSessionClaims({ name: "a", groups: [], method: "basic" }, 0, timeouts);
    const b = newSessionClaims({ name: "a", groups: [], method: "basic" }, 0, timeouts);
    expect(a.sid).not.toBe(b.sid);
  });

  test("reads only Orrery's claims", () => {
    expect(readSessionClaims({ name: "x", email: "x@y", sub: "1" })).toBeUndefined();
    const claims = newSessionClaims({ name: "a", groups: [], method: "basic" }, 0, timeouts);
    expect(readSessionClaims({ ...claims, iat: 1, exp: 2, jti: "j" })).toEqual(claims);
  });
});
