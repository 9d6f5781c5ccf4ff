// Bounded polling for what a cluster converges to, failing with the expectation and the last sample.

export interface Sample<T> {
  /** Defined once the expectation holds. */
  value?: T;
  /** What was observed, for the failure message. */
  seen: string;
}

/** Samples every `intervalMs` until a value comes back; after `timeoutMs` fails with the expectation and the last sample. */
export async function pollUntil<T>(expected: string, sample: () => Promise<Sample<T>>, { timeoutMs = 90_000, intervalMs = 500 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen = "(nothing sampled)";
  for (;;) {
    const result = await sample();
    if (result.value !== undefined) return result.value;
    seen = result.seen;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`expected ${expected} within ${Math.round(timeoutMs / 1000)}s; last seen:\n${seen}`);
}
