import { pollUntil, type Sample } from "../kubectl/poll";

export type { Sample };

/** The kubectl suite's bounded poll, with the contract suite's shorter default of 60 s. */
export function eventually<T>(expected: string, sample: () => Promise<Sample<T>>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  return pollUntil(expected, sample, { timeoutMs: 60_000, ...options });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
