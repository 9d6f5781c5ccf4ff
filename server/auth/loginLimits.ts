import { RateLimiter, type RateLimitPolicy } from "./rateLimiter";

/** The three counters a failed password feeds. */
export interface LoginLimitPolicies {
  /** One name from one address: the lock a guesser meets, and only that guesser. */
  pair: RateLimitPolicy;
  /** One address across names: password spraying from one place. */
  address: RateLimitPolicy;
  /** One name from everywhere: far higher, and its "lock" only delays attempts, never refuses them. */
  name: RateLimitPolicy;
}

export const defaultLoginLimits: LoginLimitPolicies = {
  pair: { maxFailures: 5, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 },
  address: { maxFailures: 20, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 15 * 60_000 },
  name: { maxFailures: 100, windowMs: 10 * 60_000, baseLockMs: 1_000, maxLockMs: 10_000 },
};

/** What the limits say before a password is checked. */
export interface LoginAllowance {
  /** How long to wait first: the name is under a flood from many addresses. */
  delayMs: number;
  /** Set when this address may not try this name now (its own failures, or its spraying across names). */
  lockedForMs?: number;
}

/**
 * Login rate limits that hold behind a shared address and cannot be turned on a victim: a guesser
 * locks only their own (name, address) pair and their own address, so the owner of a name still
 * signs in from elsewhere; a flood on one name from many addresses slows every attempt on it instead.
 */
export class LoginLimits {
  private readonly pairs: RateLimiter;
  private readonly addresses: RateLimiter;
  private readonly names: RateLimiter;

  constructor(now: () => number = Date.now, policies: LoginLimitPolicies = defaultLoginLimits) {
    this.pairs = new RateLimiter(policies.pair, now);
    this.addresses = new RateLimiter(policies.address, now);
    this.names = new RateLimiter(policies.name, now);
  }

  /** The wait before checking the name's password, and whether this address may try it at all. */
  allowance(name: string, address: string): LoginAllowance {
    const flood = this.names.check(nameKey(name));
    const delayMs = flood.allowed ? 0 : flood.retryAfterMs;
    const locks = [this.pairs.check(pairKey(name, address)), this.addresses.check(address)].flatMap((verdict) => (verdict.allowed ? [] : [verdict.retryAfterMs]));
    return locks.length > 0 ? { delayMs, lockedForMs: Math.max(...locks) } : { delayMs };
  }

  recordFailure(name: string, address: string): void {
    this.pairs.recordFailure(pairKey(name, address));
    this.addresses.recordFailure(address);
    this.names.recordFailure(nameKey(name));
  }

  /** Only the pair is forgiven: one good account must not reset an address guessing others, nor a flood on the name. */
  recordSuccess(name: string, address: string): void {
    this.pairs.recordSuccess(pairKey(name, address));
  }
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The key of one (name, address) pair, the name folded as every limit folds it. */
export function pairKey(name: string, address: string): string {
  return JSON.stringify([nameKey(name), address]);
}
