import type { RangeContext, RangeWindow } from "./rangeWindow";

/**
 * Expands the promqltest `load` notation used in the kernel tests: `a+bxn` (n+1 values from
 * a in steps of b), `a-bxn`, `axn` (a repeated n+1 times), `_` (no sample), plain numbers,
 * NaN and ±Inf. Missing samples come back as undefined.
 */
export function expandLoadNotation(text: string): (number | undefined)[] {
  const values: (number | undefined)[] = [];
  for (const token of text.trim().split(/\s+/)) {
    const series = /^([^x]+?)(?:([+-])([^x]+))?x(\d+)$/.exec(token);
    if (series) {
      const [, start, sign, step, times] = series;
      const first = parseLoadNumber(start as string);
      const delta = step === undefined ? 0 : parseLoadNumber(step) * (sign === "-" ? -1 : 1);
      for (let i = 0; i <= Number(times); i++) values.push(first + delta * i);
    } else if (token === "_") {
      values.push(undefined);
    } else {
      values.push(parseLoadNumber(token));
    }
  }
  return values;
}

function parseLoadNumber(text: string): number {
  if (text === "Inf" || text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a number in load notation: ${text}`);
  return value;
}

export interface Fixture {
  window: RangeWindow;
  ctx: RangeContext;
}

/**
 * The window an evaluator would hand to a kernel for `series[rangeMs]` evaluated at `evalMs`,
 * the series loaded every `stepMs` from t=0: samples in (evalMs - rangeMs, evalMs].
 */
export function windowOf(load: string, stepMs: number, evalMs: number, rangeMs: number): Fixture {
  const rangeStart = evalMs - rangeMs;
  const t: number[] = [];
  const v: number[] = [];
  expandLoadNotation(load).forEach((value, i) => {
    const time = i * stepMs;
    if (value !== undefined && time > rangeStart && time <= evalMs) {
      t.push(time);
      v.push(value);
    }
  });
  // Padding on both sides checks that kernels honour from/to rather than the array bounds.
  const window: RangeWindow = {
    t: Float64Array.from([-1, ...t, Number.MAX_SAFE_INTEGER]),
    v: Float64Array.from([1e9, ...v, -1e9]),
    from: 1,
    to: 1 + t.length,
  };
  return { window, ctx: { rangeStart, rangeEnd: evalMs, evalTime: evalMs } };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** Relative closeness for expected values that the scripts print with limited digits. */
export function relativeError(actual: number | undefined, expected: number): number {
  if (actual === undefined) return Infinity;
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

/**
 * The window the evaluator hands to an anchored or smoothed kernel: everything in
 * (rangeStart - lookback, rangeEnd], plus for smoothed everything up to rangeEnd + lookback.
 */
export function extendedWindowOf(
  load: string,
  stepMs: number,
  evalMs: number,
  rangeMs: number,
  smoothed: boolean,
  lookbackMs = 5 * MINUTE,
): Fixture {
  const rangeStart = evalMs - rangeMs;
  const last = smoothed ? evalMs + lookbackMs : evalMs;
  const t: number[] = [];
  const v: number[] = [];
  expandLoadNotation(load).forEach((value, i) => {
    const time = i * stepMs;
    if (value !== undefined && time > rangeStart - lookbackMs && time <= last) {
      t.push(time);
      v.push(value);
    }
  });
  const window: RangeWindow = { t: Float64Array.from(t), v: Float64Array.from(v), from: 0, to: t.length };
  return { window, ctx: { rangeStart, rangeEnd: evalMs, evalTime: evalMs } };
}
