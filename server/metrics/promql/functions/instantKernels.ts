import { kernelTable } from "./kernelTable";

export { quantileOf } from "./quantile";
export { bucketFraction, bucketQuantile } from "./bucketQuantile";
export type { Bucket, BucketQuantile } from "./bucketQuantile";

/** -1, 0 or 1 by sign; NaN and -0 pass through unchanged. */
function sign(v: number): number {
  if (v < 0) return -1;
  if (v > 0) return 1;
  return v;
}

/**
 * exp as Prometheus's amd64 build computes it: Go scales by 2^round(x·log2 e), and gives +Inf once
 * that power reaches 2^1024 (from x ≈ 709.44), before the true result leaves the float range.
 */
export function goExp(v: number): number {
  return Math.round(v * Math.LOG2E) >= 1024 ? Infinity : Math.exp(v);
}

/** Go's log10: ln(x) times 1/ln(10), so log10(0.1) is -0.9999999999999999 as in Prometheus. */
function goLog10(v: number): number {
  return Math.log(v) * Math.LOG10E;
}

/** Go's log2: exact for powers of two, else ln of the mantissa in [0.5, 1) over ln 2, plus the exponent. */
function goLog2(v: number): number {
  if (!(v > 0) || v === Infinity) return Math.log2(v);
  let exp = Math.floor(Math.log2(v)) + 1;
  let frac = v / 2 ** exp;
  // The estimated exponent can be one off near powers of two.
  if (frac >= 1) {
    frac /= 2;
    exp++;
  }
  if (frac < 0.5) {
    frac *= 2;
    exp--;
  }
  return frac === 0.5 ? exp - 1 : Math.log(frac) * (1 / Math.LN2) + exp;
}

/** Beyond this, Go's sinh and cosh are exp(|x|)/2, so they overflow to Inf where exp does. */
const HYPERBOLIC_EXP_FROM = 21;

function sinh(v: number): number {
  if (Math.abs(v) <= HYPERBOLIC_EXP_FROM) return Math.sinh(v);
  return v > 0 ? goExp(v) * 0.5 : -goExp(-v) * 0.5;
}

function cosh(v: number): number {
  return Math.abs(v) <= HYPERBOLIC_EXP_FROM ? Math.cosh(v) : goExp(Math.abs(v)) * 0.5;
}

export const mathKernels: Record<string, (v: number) => number> = kernelTable({
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: goExp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: goLog2,
  log10: goLog10,
  sgn: sign,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh,
  cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  deg: (v) => (v * 180) / Math.PI,
  rad: (v) => (v * Math.PI) / 180,
});

/**
 * Rounds to the nearest multiple of `toNearest`, ties towards +Inf; dividing by the inverse
 * (as Prometheus does) keeps results like round(x, 0.1) free of extra digits.
 */
export function roundTo(v: number, toNearest: number): number {
  const inverse = 1 / toNearest;
  return Math.floor(v * inverse + 0.5) / inverse;
}

/** Go's math.Max: +Inf wins even over NaN; otherwise NaN wins. */
export function goMax(a: number, b: number): number {
  return a === Infinity || b === Infinity ? Infinity : Math.max(a, b);
}

/** Go's math.Min: -Inf wins even over NaN; otherwise NaN wins. */
export function goMin(a: number, b: number): number {
  return a === -Infinity || b === -Infinity ? -Infinity : Math.min(a, b);
}

/**
 * Limits `v` to [min, max] with Go's Min and Max, so a NaN bound gives NaN except against an
 * infinite value. When max < min Prometheus returns no sample, so the caller drops the series first.
 */
export function clamp(v: number, min: number, max: number): number {
  return goMax(min, goMin(max, v));
}

/** A Date for the whole seconds of `epochSeconds`, truncated toward zero as Prometheus does. */
function utcDate(epochSeconds: number): Date {
  return new Date(Math.trunc(epochSeconds) * 1000);
}

/** Midnight UTC of a calendar day; setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 19xx. */
function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
}

function dayOfYear(d: Date): number {
  const startOfYear = utcMidnight(d.getUTCFullYear(), 0, 1).getTime();
  return Math.floor((d.getTime() - startOfYear) / 86_400_000) + 1;
}

/** Calendar fields in UTC; an out-of-range or NaN time gives NaN. */
export const dateKernels: Record<string, (epochSeconds: number) => number> = kernelTable({
  minute: (s) => utcDate(s).getUTCMinutes(),
  hour: (s) => utcDate(s).getUTCHours(),
  day_of_week: (s) => utcDate(s).getUTCDay(),
  day_of_month: (s) => utcDate(s).getUTCDate(),
  day_of_year: (s) => dayOfYear(utcDate(s)),
  days_in_month: (s) => {
    const d = utcDate(s);
    // Day 0 of the next month is the last day of this one.
    return utcMidnight(d.getUTCFullYear(), d.getUTCMonth() + 1, 0).getUTCDate();
  },
  month: (s) => utcDate(s).getUTCMonth() + 1,
  year: (s) => utcDate(s).getUTCFullYear(),
});
