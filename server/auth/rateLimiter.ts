/** What the limiter says about one more attempt. */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimitPolicy {
  /** Failed attempts allowed per key within `windowMs` before the key is locked. */
  maxFailures: number;
  windowMs: number;
  /** First lock; each further failure while counted doubles it, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
}

export const defaultLoginPolicy: RateLimitPolicy = { maxFailures: 5, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 };

interface KeyState {
  failures: number[];
  lockedUntil: number;
  locks: number;
}

/**
 * Counts failed login attempts per key (an address, a user name) and locks a key that fails too
 * often, with exponential backoff. Memory stays bounded: idle keys are swept.
 */
export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly policy: RateLimitPolicy = defaultLoginPolicy,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  check(key: string): RateVerdict {
    const state = this.keys.get(key);
    const now = this.now();
    if (state && state.lockedUntil > now) return { allowed: false, retryAfterMs: state.lockedUntil - now };
    return { allowed: true };
  }

  recordFailure(key: string): void {
    const now = this.now();
    const state = this.keys.get(key) ?? { failures: [], lockedUntil: 0, locks: 0 };
    // The backoff is forgotten after a quiet spell as long as the longest lock.
    if (state.locks > 0 && now - state.lockedUntil > this.policy.maxLockMs) state.locks = 0;
    state.failures = state.failures.filter((at) => now - at < this.policy.windowMs);
    state.failures.push(now);
    if (state.failures.length >= this.policy.maxFailures) {
      const lockMs = Math.min(this.policy.baseLockMs * 2 ** state.locks, this.policy.maxLockMs);
      state.lockedUntil = now + lockMs;
      state.locks += 1;
      state.failures = [];
    }
    this.keys.delete(key);
    this.keys.set(key, state);
    this.evictIfFull(now);
  }

  /** A success forgets the key's failures and its backoff. */
  recordSuccess(key: string): void {
    this.keys.delete(key);
  }

  // Idle keys go first; only when all are busy do the oldest go, so a flood cannot grow memory.
  private evictIfFull(now: number): void {
    if (this.keys.size <= this.maxKeys) return;
    const target = Math.floor(this.maxKeys * 0.9);
    for (const [key, state] of this.keys) {
      const idle = state.lockedUntil <= now && state.failures.every((at) => now - at >= this.policy.windowMs);
      if (idle) this.keys.delete(key);
    }
    for (const key of this.keys.keys()) {
      if (this.keys.size <= target) break;
      this.keys.delete(key);
    }
  }
}
