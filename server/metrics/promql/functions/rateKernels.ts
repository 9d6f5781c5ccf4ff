import type { RangeContext, RangeWindow } from "./rangeWindow";

/** Last minus first value, adding back the value before every counter reset. */
export function counterIncrease(v: Float64Array, from: number, to: number): number {
  let result = (v[to - 1] as number) - (v[from] as number);
  let prev = v[from] as number;
  for (let i = from + 1; i < to; i++) {
    const cur = v[i] as number;
    if (cur < prev) result += prev;
    prev = cur;
  }
  return result;
}

/**
 * Prometheus's extrapolated rate/increase/delta: the change seen between the first and last
 * sample is stretched to the window edges when samples reach close to them (within 1.1 average
 * intervals), else by half an average interval; a counter is never extrapolated below zero.
 */
function extrapolate(w: RangeWindow, ctx: RangeContext, isCounter: boolean, isRate: boolean): number | undefined {
  const { t, v, from, to } = w;
  const intervals = to - from - 1;
  if (intervals < 1) return undefined;
  const firstT = t[from] as number;
  const lastT = t[to - 1] as number;
  const firstV = v[from] as number;
  const result = isCounter ? counterIncrease(v, from, to) : (v[to - 1] as number) - firstV;

  let durationToStart = (firstT - ctx.rangeStart) / 1000;
  let durationToEnd = (ctx.rangeEnd - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const averageInterval = sampledInterval / intervals;
  const threshold = averageInterval * 1.1;

  if (durationToStart >= threshold) durationToStart = averageInterval / 2;
  if (isCounter && result > 0 && firstV >= 0) {
    // Where the counter would have been zero bounds how far back it may be extrapolated.
    const durationToZero = sampledInterval * (firstV / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  if (durationToEnd >= threshold) durationToEnd = averageInterval / 2;

  let factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
  if (isRate) factor /= (ctx.rangeEnd - ctx.rangeStart) / 1000;
  return result * factor;
}

export function extrapolatedRate(w: RangeWindow, ctx: RangeContext): number | undefined {
  return extrapolate(w, ctx, true, true);
}

export function extrapolatedIncrease(w: RangeWindow, ctx: RangeContext): number | undefined {
  return extrapolate(w, ctx, true, false);
}

export function extrapolatedDelta(w: RangeWindow, ctx: RangeContext): number | undefined {
  return extrapolate(w, ctx, false, false);
}

/** irate/idelta: the last two samples only; no sample when they share a timestamp. */
function lastTwo(w: RangeWindow, isRate: boolean): number | undefined {
  const { t, v, from, to } = w;
  if (to - from < 2) return undefined;
  const last = v[to - 1] as number;
  const previous = v[to - 2] as number;
  const intervalMs = (t[to - 1] as number) - (t[to - 2] as number);
  if (intervalMs === 0) return undefined;
  if (!isRate) return last - previous;
  // After a counter reset the last value is the whole increase since the reset.
  const change = last < previous ? last : last - previous;
  return change / (intervalMs / 1000);
}

export function instantRate(w: RangeWindow): number | undefined {
  return lastTwo(w, true);
}

export function instantDelta(w: RangeWindow): number | undefined {
  return lastTwo(w, false);
}
