import { PromQLError } from "../values";

export const DEFAULT_LIMITS = { maxSamples: 50_000_000, timeoutMs: 120_000, lookbackDeltaMs: 300_000 };

/** Counts samples held at once and watches the clock and the caller's signal. */
export class SampleBudget {
  private current = 0;
  private ticks = 0;

  constructor(
    private readonly maxSamples: number,
    private readonly deadline: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** Takes n samples into memory; past the limit the query ends as Prometheus ends it. */
  take(n: number): void {
    this.current += n;
    if (this.current > this.maxSamples) {
      throw new PromQLError("execution", "query processing would load too many samples into memory in query execution");
    }
  }

  /** The count now, to return to once a node's children are no longer held. */
  mark(): number {
    return this.current;
  }

  resetTo(mark: number): void {
    this.current = mark;
  }

  /** Cheap enough for inner loops: the clock is read only every 256 calls. */
  checkpoint(): void {
    if ((++this.ticks & 255) !== 0) return;
    this.checkNow();
  }

  checkNow(): void {
    if (this.signal?.aborted) throw new PromQLError("canceled", "query was canceled in query execution");
    if (Date.now() > this.deadline) throw new PromQLError("timeout", "query timed out in query execution");
  }
}
