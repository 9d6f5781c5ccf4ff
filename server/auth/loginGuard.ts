import { createHmac, randomBytes } from "node:crypto";
import { RateLimiter } from "./rateLimiter";
import type { UserDirectory, VerifiedUser } from "./userDirectory";

export type LoginResult =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** The one message for a wrong name or a wrong password, so neither reveals which. */
export const invalidLoginMessage = "invalid user name or password";

const cacheTtlMs = 60_000;
const cacheMaxEntries = 1_000;

/**
 * Password checks behind per-address and per-user-name rate limits. API clients that send HTTP
 * Basic on every request hit a short cache of recent successes instead of a fresh hash each time.
 */
export class LoginGuard {
  private readonly recent = new Map<string, { user: VerifiedUser; until: number }>();
  private readonly cacheKey = randomBytes(32);

  constructor(
    private readonly directory: UserDirectory,
    private readonly limiter: RateLimiter = new RateLimiter(),
    private readonly now: () => number = Date.now,
  ) {}

  async attempt(name: string, password: string, address: string): Promise<LoginResult> {
    const keys = [`addr:${address}`, `user:${name.trim().toLowerCase()}`];
    const locked = keys.map((key) => this.limiter.check(key)).filter((verdict) => !verdict.allowed);
    if (locked.length > 0) return { ok: false, reason: "throttled", retryAfterMs: Math.max(...locked.map((v) => v.retryAfterMs)) };
    const user = await this.directory.verify(name, password);
    if (!user) {
      for (const key of keys) this.limiter.recordFailure(key);
      return { ok: false, reason: "invalid" };
    }
    // Only the name's count is cleared: one good account must not reset an address guessing others.
    this.limiter.recordSuccess(keys[1]!);
    return { ok: true, user };
  }

  /** `attempt`, answered from recent successes for the same name and password. */
  async attemptCached(name: string, password: string, address: string): Promise<LoginResult> {
    const key = createHmac("sha256", this.cacheKey).update(name).update("\0").update(password).digest("base64url");
    const hit = this.recent.get(key);
    if (hit && hit.until > this.now()) return { ok: true, user: hit.user };
    const result = await this.attempt(name, password, address);
    if (result.ok) {
      if (this.recent.size >= cacheMaxEntries) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, { user: result.user, until: this.now() + cacheTtlMs });
    } else {
      this.recent.delete(key);
    }
    return result;
  }
}
