import { createHmac, randomBytes } from "node:crypto";
import { LoginLimits, pairKey } from "./loginLimits";
import type { UserDirectory, VerifiedUser } from "./userDirectory";

export type LoginResult =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/** The one message for a wrong name or a wrong password, so neither reveals which. */
export const invalidLoginMessage = "invalid user name or password";

const cacheTtlMs = 60_000;
const cacheMaxEntries = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Password checks behind the login limits (server/auth/loginLimits.ts). API clients that send HTTP
 * Basic on every request hit a short cache of recent successes instead of a fresh hash each time.
 */
export class LoginGuard {
  private readonly recent = new Map<string, { user: VerifiedUser; until: number }>();
  private readonly cacheKey = randomBytes(32);
  private readonly limits: LoginLimits;
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly directory: UserDirectory,
    limits?: LoginLimits,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {
    this.limits = limits ?? new LoginLimits(now);
  }

  /** `address` is the client's, as `clientAddress` resolves it. A lock answers alike for any name and password, so it tells neither. */
  attempt(name: string, password: string, address: string): Promise<LoginResult> {
    // One pair's attempts run one after another, so a burst sent at once meets the lock its first failures set.
    const key = pairKey(name, address);
    const result = (this.inFlight.get(key) ?? Promise.resolve()).then(() => this.attemptNow(name, password, address));
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(key, settled);
    void settled.then(() => this.inFlight.get(key) === settled && this.inFlight.delete(key));
    return result;
  }

  private async attemptNow(name: string, password: string, address: string): Promise<LoginResult> {
    let allowance = this.limits.allowance(name, address);
    if (allowance.lockedForMs === undefined && allowance.delayMs > 0) {
      await this.wait(allowance.delayMs);
      // Other attempts went on meanwhile: the locks are read again, the delay is not served twice.
      allowance = this.limits.allowance(name, address);
    }
    if (allowance.lockedForMs !== undefined) return { ok: false, reason: "throttled", retryAfterMs: allowance.lockedForMs };
    const user = await this.directory.verify(name, password);
    if (!user) {
      this.limits.recordFailure(name, address);
      return { ok: false, reason: "invalid" };
    }
    this.limits.recordSuccess(name, address);
    return { ok: true, user };
  }

  /** `attempt`, answered from recent successes for the same name and password. */
  async attemptCached(name: string, password: string, address: string): Promise<LoginResult> {
    const key = createHmac("sha256", this.cacheKey).update(name).update("\0").update(password).digest("base64url");
    const hit = this.recent.get(key);
    // A hit still obeys the locks, or a locked guesser could test passwords against someone's recent login.
    if (hit && hit.until > this.now() && this.limits.allowance(name, address).lockedForMs === undefined) return { ok: true, user: hit.user };
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
