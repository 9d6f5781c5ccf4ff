import type { BackoffTimings } from "./backoff";

/** The informer's knobs; tests shrink them, production uses the defaults. */
export interface InformerTimings {
  /** Items per list page (limit). */
  pageSize: number;
  /** A page that takes longer than this fails and the list is retried. */
  listPageTimeoutMs: number;
  /** The server ends each watch after a random time in this range (timeoutSeconds). */
  watchTimeoutSeconds: readonly [number, number];
  /** How often the apiserver is expected to send a bookmark on a quiet watch. */
  bookmarkIntervalMs: number;
  /** A watch with nothing (not even a bookmark) for stallFactor × bookmarkIntervalMs is presumed dead. */
  stallFactor: number;
  backoff: BackoffTimings;
  /** A watch that ends sooner than this with nothing in it counts as a failure for pacing. */
  minWatchMs: number;
  /** After this many failed relists in a row, a kind that had data goes from stale to error. */
  listFailuresBeforeError: number;
}

export const defaultInformerTimings: InformerTimings = Object.freeze({
  pageSize: 500,
  listPageTimeoutMs: 60_000,
  watchTimeoutSeconds: [300, 600] as const,
  bookmarkIntervalMs: 60_000,
  stallFactor: 2,
  backoff: Object.freeze({ baseMs: 500, capMs: 30_000 }),
  minWatchMs: 1_000,
  listFailuresBeforeError: 3,
});

export type InformerTimingOverrides = Partial<Omit<InformerTimings, "backoff">> & { backoff?: Partial<BackoffTimings> };

export function resolveTimings(overrides: InformerTimingOverrides = {}): InformerTimings {
  return {
    ...defaultInformerTimings,
    ...overrides,
    backoff: { ...defaultInformerTimings.backoff, ...overrides.backoff },
  };
}
