import { countChanges, countResets } from "./changeKernels";
import { kernelTable } from "./kernelTable";
import type { RangeContext, RangeKernel, RangeWindow } from "./rangeWindow";

/**
 * Kernels for range selectors with the Prometheus 3 `anchored` and `smoothed` modifiers
 * (extended_vectors.test). They take a RangeWindow whose [from, to) holds more than the
 * left-open window, oldest first, float samples only, stale markers removed:
 *
 * - anchored: the samples in (rangeStart - lookbackDelta, rangeEnd]. Only the last sample at or
 *   before rangeStart matters from the part before the window (it is the anchor); passing just
 *   that one is enough and cheaper.
 * - smoothed: the samples in (rangeStart - lookbackDelta, rangeEnd + lookbackDelta]. Only the
 *   last sample at or before rangeStart and the first one at or after rangeEnd matter outside
 *   the window.
 *
 * lookbackDelta is the query's lookback (5m by default); a sample exactly lookbackDelta before
 * rangeStart is too old. `ctx` is the same RangeContext as for the plain kernels (rangeStart and
 * rangeEnd after offset and `@`). A kernel returns undefined when the series yields no sample:
 * no sample after rangeStart at all, or (smoothed) no sample at or before rangeEnd.
 * Series holding native histograms are the evaluator's to handle.
 */
export type ExtendedModifier = "anchored" | "smoothed";

/** Index of the sample standing for rangeStart: the last one at or before it, else the first. */
function leftIndex(w: RangeWindow, rangeStart: number): number {
  let lo = w.from;
  let hi = w.to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((w.t[mid] as number) > rangeStart) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(w.from, lo - 1);
}

/**
 * Index of the sample standing for rangeEnd: for anchored the last one at or before it; for
 * smoothed the first one at or after it, else the last sample. -1 when there is none.
 */
function rightIndex(w: RangeWindow, rangeEnd: number, smoothed: boolean): number {
  let lo = w.from;
  let hi = w.to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = w.t[mid] as number;
    if (smoothed ? t >= rangeEnd : t > rangeEnd) hi = mid;
    else lo = mid + 1;
  }
  if (smoothed) return Math.min(lo, w.to - 1);
  return lo - 1 >= w.from ? lo - 1 : -1;
}

/** Linear interpolation at `at`; across a counter reset the counter is taken to restart from 0. */
function interpolate(w: RangeWindow, i: number, j: number, at: number, isCounter: boolean): number {
  const t1 = w.t[i] as number;
  let y1 = w.v[i] as number;
  const y2 = w.v[j] as number;
  if (isCounter && y2 < y1) y1 = 0;
  return y1 + ((y2 - y1) * (at - t1)) / ((w.t[j] as number) - t1);
}

/** Values added back for resets strictly inside the window, starting from `left`, ending at `right`. */
function resetCorrection(w: RangeWindow, left: number, right: number, from: number, last: number): number {
  let correction = 0;
  let prev = left;
  for (let i = from; i <= last; i++) {
    const cur = w.v[i] as number;
    if (cur < prev) correction += prev;
    prev = cur;
  }
  if (right < prev) correction += prev;
  return correction;
}

/** rate/increase/delta without extrapolation: the value at rangeEnd minus the value at rangeStart. */
function boundaryChange(w: RangeWindow, ctx: RangeContext, smoothed: boolean, isCounter: boolean): number | undefined {
  if (w.to <= w.from) return undefined;
  const { rangeStart, rangeEnd } = ctx;
  const first = leftIndex(w, rangeStart);
  const last = rightIndex(w, rangeEnd, smoothed);
  if (last < 0 || (w.t[last] as number) <= rangeStart) return undefined;
  if (smoothed && (w.t[first] as number) > rangeEnd) return undefined;

  const interpolateLeft = smoothed && (w.t[first] as number) < rangeStart;
  const left = interpolateLeft ? interpolate(w, first, first + 1, rangeStart, isCounter) : (w.v[first] as number);
  const interpolateRight = smoothed && last > w.from && (w.t[last] as number) > rangeEnd;
  const right = interpolateRight ? interpolate(w, last - 1, last, rangeEnd, isCounter) : (w.v[last] as number);
  if (!isCounter) return right - left;
  // Samples on or beyond the bounds are already represented by left and right.
  const innerFrom = (w.t[first] as number) <= rangeStart ? first + 1 : first;
  const innerLast = (w.t[last] as number) >= rangeEnd ? last - 1 : last;
  return right - left + resetCorrection(w, left, right, innerFrom, innerLast);
}

function perSecond(value: number | undefined, ctx: RangeContext): number | undefined {
  return value === undefined ? undefined : value / ((ctx.rangeEnd - ctx.rangeStart) / 1000);
}

/** changes/resets over the anchor followed by the samples in (rangeStart, rangeEnd]. */
function anchoredCount(count: typeof countChanges): RangeKernel {
  return (w, ctx) => {
    if (w.to <= w.from) return undefined;
    const last = rightIndex(w, ctx.rangeEnd, false);
    if (last < 0 || (w.t[last] as number) <= ctx.rangeStart) return undefined;
    return count(w.v, leftIndex(w, ctx.rangeStart), last + 1);
  };
}

export const anchoredKernels: Record<string, RangeKernel> = kernelTable({
  rate: (w, ctx) => perSecond(boundaryChange(w, ctx, false, true), ctx),
  increase: (w, ctx) => boundaryChange(w, ctx, false, true),
  delta: (w, ctx) => boundaryChange(w, ctx, false, false),
  changes: anchoredCount(countChanges),
  resets: anchoredCount(countResets),
});

export const smoothedKernels: Record<string, RangeKernel> = kernelTable({
  rate: (w, ctx) => perSecond(boundaryChange(w, ctx, true, true), ctx),
  increase: (w, ctx) => boundaryChange(w, ctx, true, true),
  delta: (w, ctx) => boundaryChange(w, ctx, true, false),
});

export const extendedRangeKernels: Record<ExtendedModifier, Record<string, RangeKernel>> = {
  anchored: anchoredKernels,
  smoothed: smoothedKernels,
};

/** Prometheus's error for a function that does not accept the modifier, or undefined if it does. */
export function extendedModifierError(modifier: ExtendedModifier, functionName: string): string | undefined {
  const allowed = Object.keys(extendedRangeKernels[modifier]).sort();
  if (allowed.includes(functionName)) return undefined;
  return `${modifier} modifier can only be used with: ${allowed.join(", ")} - not with ${functionName}`;
}

/**
 * The value of an instant selector with the `smoothed` modifier at time `at`, from the samples
 * in (at - lookbackDelta, at + lookbackDelta]: the sample at `at`, else a straight line between
 * the last sample before and the first after, else the last sample before carried forward.
 * No counter-reset handling for floats. Undefined without a sample at or before `at`.
 */
export function smoothedValueAt(w: RangeWindow, at: number): number | undefined {
  const before = rightIndex(w, at, false);
  if (before < 0) return undefined;
  if ((w.t[before] as number) === at || before + 1 >= w.to) return w.v[before] as number;
  return interpolate(w, before, before + 1, at, false);
}
