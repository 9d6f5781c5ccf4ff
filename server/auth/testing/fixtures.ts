import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createAuthServices, type AuthServices } from "../authState";
import { hashPasswordSync } from "../passwords";
import type { SessionClaims } from "../sessionClaims";
import type { AuthSettings } from "../settings";

/** A clock tests move by hand. */
export class TestClock {
  constructor(public time = Date.parse("2030-01-01T00:00:00Z")) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export const testSecret = "a-test-secret-that-is-long-enough-0123456789";

/** Settings for basic mode with users alice (password "alice-password") and bob ("bob-password"). */
export function basicSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return {
    mode: "basic",
    basePath: "",
    localAllowed: false,
    secureCookies: false,
    secret: testSecret,
    timeouts: { idleMs: 3_600_000, maxMs: 43_200_000 },
    identity: "impersonate",
    users: [
      { name: "alice", hash: hashPasswordSync("alice-password"), groups: ["orrery:admins"] },
      { name: "bob", hash: hashPasswordSync("bob-password"), groups: [] },
    ],
    dataDir: mkdtempSync(path.join(tmpdir(), "orrery-auth-")),
    ...overrides,
  };
}

export function servicesWith(settings: AuthSettings, clock: TestClock): AuthServices {
  return createAuthServices(settings, clock.now);
}

/** The session cookie next-auth would set for these claims. */
export async function sessionCookieFor(claims: SessionClaims, settings: AuthSettings, name = "orrery.session"): Promise<string> {
  const token = await encode({ token: claims as never, secret: settings.secret, maxAge: settings.timeouts.idleMs / 1000 });
  return `${name}=${token}`;
}
