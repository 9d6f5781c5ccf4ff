import type { LogRun } from "../containerRuns";
import type { Rng } from "../rng";
import type { ImageLanguage } from "./imageLanguage";

/** What a profile knows when it writes one line. */
export interface LineContext {
  rng: Rng;
  /** The line's time, ms since the epoch. */
  timeMs: number;
  /** The line's index within the run. */
  index: number;
  run: LogRun;
}

/** How one kind of application logs: start-up, steady state, and how a run ends. */
export interface LogProfile {
  name: string;
  /** What the application is written in: its panics and stack traces are that language's. */
  language: ImageLanguage;
  /** How many lines the start-up banner has (lines 0..n-1 of every run). */
  startupLines: number;
  startup(ctx: LineContext): string;
  steady(ctx: LineContext): string;
  /** A warning that memory keeps growing, for runs that end OOM-killed. */
  memoryWarning(ctx: LineContext, usedPercent: number): string;
  /** The last lines of a run that exited with an error: a panic or stack trace. */
  crash(ctx: LineContext): string[];
  /** The last lines before the kernel's OOM killer ends the run. */
  oomKilled(ctx: LineContext): string[];
  /** The last lines of a clean exit. */
  shutdown(ctx: LineContext): string[];
}
