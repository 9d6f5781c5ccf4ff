import { KubeApiError } from "./errors";

export interface BackoffTimings {
  /** First retry waits up to this long. */
  baseMs: number;
  /** No retry waits longer than this (except when the server asks with Retry-After). */
  capMs: number;
}

/** Retry-After beyond this is treated as a mistake rather than waited out. */
const maxRetryAfterMs = 10 * 60_000;

/** "Full jitter": a uniform wait between 0 and the exponential bound, so many clients do not retry in step. */
export function fullJitterDelay(attempt: number, timings: BackoffTimings, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const bound = Math.min(timings.capMs, timings.baseMs * 2 ** exponent);
  return Math.floor(random() * bound);
}

/** How long to wait before retrying after `error`: the server's Retry-After on 429/500/503, else full jitter. */
export function retryDelay(error: unknown, attempt: number, timings: BackoffTimings, random: () => number = Math.random): number {
  if (error instanceof KubeApiError && error.retryAfterSeconds !== undefined && [429, 500, 503].includes(error.status)) {
    return Math.min(error.retryAfterSeconds * 1000, maxRetryAfterMs);
  }
  return fullJitterDelay(attempt, timings, random);
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
