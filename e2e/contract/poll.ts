/** One look at the world: `value` once the wait is over, `seen` for the failure message otherwise. */
export interface Sample<T> {
  value?: T;
  seen: string;
}

/** Samples until a value comes back; after `timeoutMs` fails saying what was expected and what was last seen. */
export async function eventually<T>(expected: string, sample: () => Promise<Sample<T>>, { timeoutMs = 60_000, intervalMs = 500 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen = "(nothing sampled)";
  for (;;) {
    const result = await sample();
    if (result.value !== undefined) return result.value;
    seen = result.seen;
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  throw new Error(`expected ${expected} within ${Math.round(timeoutMs / 1000)} s; last seen: ${seen}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
