import type { RangeContext, RangeWindow } from "./rangeWindow";

/** Sorts ascending with NaNs first, where Prometheus's value ordering puts them. */
function sortNaNFirst(values: Float64Array): Float64Array {
  // Typed-array sort puts NaNs last; rotate them to the front.
  values.sort();
  let nanCount = 0;
  for (let i = values.length - 1; i >= 0 && Number.isNaN(values[i] as number); i--) nanCount++;
  if (nanCount === 0) return values;
  values.copyWithin(nanCount, 0, values.length - nanCount);
  values.fill(NaN, 0, nanCount);
  return values;
}

/** Quantile of values already sorted by `sortNaNFirst`, interpolating between neighbours. */
function quantileOfSorted(q: number, sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const rank = q * (n - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(n - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return (sorted[lower] as number) * (1 - weight) + (sorted[upper] as number) * weight;
}

/**
 * The φ-quantile (0 ≤ φ ≤ 1) of the aggregation `quantile` and of quantile_over_time:
 * -Inf below 0, +Inf above 1, NaN for a NaN φ or no values; linear interpolation between ranks.
 */
export function quantileOf(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  return quantileOfSorted(q, sortNaNFirst(Float64Array.from(values)));
}

export function quantileOverTime(w: RangeWindow, _ctx: RangeContext, params: number[]): number {
  const q = params[0] ?? NaN;
  if (Number.isNaN(q) || q < 0 || q > 1) return quantileOfSorted(q, w.v.subarray(w.from, w.to));
  return quantileOfSorted(q, sortNaNFirst(w.v.slice(w.from, w.to)));
}

/** Median absolute deviation from the median; any NaN in the window makes it NaN. */
export function madOverTime(w: RangeWindow): number {
  const values = w.v.slice(w.from, w.to);
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i] as number)) return NaN;
  values.sort();
  const median = quantileOfSorted(0.5, values);
  for (let i = 0; i < values.length; i++) values[i] = Math.abs((values[i] as number) - median);
  return quantileOfSorted(0.5, values.sort());
}
