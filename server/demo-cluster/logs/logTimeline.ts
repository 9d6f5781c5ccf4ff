import type { LogRun } from "./containerRuns";
import { selectProfile } from "./profiles/selectProfile";
import type { LineContext, LogProfile } from "./profiles/types";
import { mixSeed, Rng } from "./rng";

/** One log line with its time; `nanos` is the sub-millisecond part shown with timestamps=true. */
export interface LogEntry {
  timeMs: number;
  nanos: number;
  text: string;
}

/** Which lines exist at one moment: indices [first, total), of which [first, regularEnd) are regular. */
export interface LogSnapshot {
  first: number;
  regularEnd: number;
  total: number;
}

/** Like the kubelet's log rotation (10 MiB per container): only the most recent lines of a run are kept. */
export const maxRetainedLines = 50_000;
const minPeriodMs = 500;
const maxPeriodMs = 5_000;
const epilogueSalt = 0x7f4a7c15;
const nanosSalt = 0x5bd1e995;

/**
 * The log of one container run as a pure function of the run: line i's time and text are
 * computed directly from (run seed, i), so no history is ever held in memory.
 * Regular line i falls in [start + i·p, start + (i+1)·p), which keeps times ordered and invertible.
 */
export class LogTimeline {
  readonly periodMs: number;
  private readonly profile: LogProfile;
  private epilogueCache?: LogEntry[];

  constructor(readonly run: LogRun) {
    this.periodMs = minPeriodMs + (run.containerSeed % (maxPeriodMs - minPeriodMs + 1));
    this.profile = selectProfile(run.image);
  }

  regularTime(index: number): number {
    return this.run.startMs + index * this.periodMs + (mixSeed(this.run.seed, index) % this.periodMs);
  }

  /** How many regular lines were written strictly before `timeMs`. */
  regularCountBefore(timeMs: number): number {
    if (timeMs <= this.run.startMs) return 0;
    const candidate = Math.floor((timeMs - this.run.startMs) / this.periodMs);
    return candidate + (this.regularTime(candidate) < timeMs ? 1 : 0);
  }

  /** The lines visible at `nowMs`: up to now while running; everything, ending in the epilogue, once finished. */
  snapshot(nowMs: number): LogSnapshot {
    const epilogue = this.epilogue();
    const regularEnd = this.run.endMs === undefined
      ? this.regularCountBefore(nowMs + 1)
      : this.regularCountBefore(this.epilogueStart());
    const total = regularEnd + (this.run.endMs === undefined ? 0 : epilogue.length);
    return { first: Math.max(0, regularEnd - maxRetainedLines), regularEnd, total };
  }

  entry(index: number, snapshot: LogSnapshot): LogEntry {
    if (index < snapshot.regularEnd) return this.regularEntry(index);
    const tail = this.epilogue()[index - snapshot.regularEnd];
    if (!tail) throw new RangeError(`log line ${index} is beyond the end (${snapshot.total})`);
    return tail;
  }

  /** The first index in the snapshot whose line is at or after `timeMs` (the epilogue shares one time). */
  firstAtOrAfter(timeMs: number, snapshot: LogSnapshot): number {
    const regular = Math.max(snapshot.first, Math.min(this.regularCountBefore(timeMs), snapshot.regularEnd));
    if (regular < snapshot.regularEnd) return regular;
    return this.epilogueStart() < timeMs ? snapshot.total : snapshot.regularEnd;
  }

  private regularEntry(index: number): LogEntry {
    const timeMs = this.regularTime(index);
    const ctx = this.context(mixSeed(this.run.seed ^ 0x2545f491, index), timeMs, index);
    return { timeMs, nanos: mixSeed(this.run.seed ^ nanosSalt, index) % 1_000_000, text: this.regularText(ctx) };
  }

  private regularText(ctx: LineContext): string {
    if (ctx.index < this.profile.startupLines) return this.profile.startup(ctx);
    if (this.run.oomProne && ctx.rng.chance(1 / 6)) return this.profile.memoryWarning(ctx, this.memoryPercent(ctx.timeMs));
    return this.profile.steady(ctx);
  }

  /** Memory use climbs through the run: linearly to the kill when the end is known, else towards the limit. */
  private memoryPercent(timeMs: number): number {
    const elapsed = Math.max(0, timeMs - this.run.startMs);
    const share = this.run.endMs !== undefined
      ? elapsed / Math.max(1, this.run.endMs - this.run.startMs)
      : 1 - Math.exp(-elapsed / 300_000);
    return Math.min(99, Math.round(40 + 59 * share));
  }

  /** Regular lines stop at finishedAt; the run's last lines all carry finishedAt, ordered by nanoseconds. */
  private epilogueStart(): number {
    return Math.max(this.run.startMs, this.run.endMs ?? Number.POSITIVE_INFINITY);
  }

  private epilogue(): LogEntry[] {
    if (this.epilogueCache) return this.epilogueCache;
    const timeMs = this.epilogueStart();
    this.epilogueCache = this.epilogueTexts().map((text, j) => ({ timeMs, nanos: j * 1000 + (mixSeed(this.run.seed ^ nanosSalt, -1 - j) % 1000), text }));
    return this.epilogueCache;
  }

  private epilogueTextsCache?: string[];

  private epilogueTexts(): string[] {
    if (this.run.endMs === undefined) return [];
    if (this.epilogueTextsCache) return this.epilogueTextsCache;
    const ctx = this.context(mixSeed(this.run.seed, epilogueSalt), this.epilogueStart(), -1);
    const byOutcome = { crashed: this.profile.crash, oomKilled: this.profile.oomKilled, completed: this.profile.shutdown, running: () => [] };
    this.epilogueTextsCache = byOutcome[this.run.outcome].call(this.profile, ctx);
    return this.epilogueTextsCache;
  }

  private context(seed: number, timeMs: number, index: number): LineContext {
    return { rng: new Rng(seed), timeMs, index, run: this.run };
  }
}

/** Go's RFC3339Nano: fractional seconds without trailing zeros, UTC as Z. */
export function formatRfc3339Nano(timeMs: number, nanos: number): string {
  const whole = new Date(Math.floor(timeMs / 1000) * 1000).toISOString().slice(0, 19);
  const fractionNs = (((timeMs % 1000) + 1000) % 1000) * 1_000_000 + nanos;
  const fraction = String(fractionNs).padStart(9, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""}Z`;
}
