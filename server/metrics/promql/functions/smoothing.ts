import type { RangeContext, RangeWindow } from "./rangeWindow";

/**
 * Holt's double exponential smoothing with smoothing factor `params[0]` and trend factor
 * `params[1]` (both in (0, 1), checked by the caller); needs at least two samples.
 */
export function doubleExponentialSmoothing(w: RangeWindow, _ctx: RangeContext, params: number[]): number | undefined {
  const { v, from, to } = w;
  if (to - from < 2) return undefined;
  const sf = params[0] ?? NaN;
  const tf = params[1] ?? NaN;
  let previous = 0;
  let smoothed = v[from] as number;
  let trend = (v[from + 1] as number) - smoothed;
  for (let i = from + 1; i < to; i++) {
    // The first step keeps the initial trend; later ones blend in the latest level change.
    if (i > from + 1) trend = tf * (smoothed - previous) + (1 - tf) * trend;
    const next = sf * (v[i] as number) + (1 - sf) * (smoothed + trend);
    previous = smoothed;
    smoothed = next;
  }
  return smoothed;
}
