// Minimal placeholder set so the evaluator compiles and is testable; the kernels branch owns this file.
export interface RangeWindow { t: Float64Array; v: Float64Array; from: number; to: number }
export interface RangeContext { rangeStart: number; rangeEnd: number; evalTime: number }
export type RangeKernel = (w: RangeWindow, ctx: RangeContext, params: number[]) => number | undefined;

function extrapolated(w: RangeWindow, ctx: RangeContext, isCounter: boolean, isRate: boolean): number | undefined {
  const n = w.to - w.from;
  if (n < 2) return undefined;
  const first = w.v[w.from]!;
  const last = w.v[w.to - 1]!;
  let result = last - first;
  if (isCounter) {
    for (let i = w.from + 1; i < w.to; i++) if (w.v[i]! < w.v[i - 1]!) result += w.v[i - 1]!;
  }
  const t0 = w.t[w.from]!;
  const t1 = w.t[w.to - 1]!;
  const durationToStart = (t0 - ctx.rangeStart) / 1000;
  let durationToEnd = (ctx.rangeEnd - t1) / 1000;
  const sampled = (t1 - t0) / 1000;
  const avgInterval = sampled / (n - 1);
  let toStart = durationToStart;
  if (isCounter && result > 0 && first >= 0) toStart = Math.min(toStart, sampled * (first / result));
  const threshold = avgInterval * 1.1;
  let factor = sampled;
  factor += toStart < threshold ? toStart : avgInterval / 2;
  if (durationToEnd >= threshold) durationToEnd = avgInterval / 2;
  factor += durationToEnd;
  result *= factor / sampled;
  if (isRate) result /= (ctx.rangeEnd - ctx.rangeStart) / 1000;
  return result;
}

function over(w: RangeWindow, f: (acc: number, v: number, i: number) => number, init: number): number {
  let acc = init;
  for (let i = w.from; i < w.to; i++) acc = f(acc, w.v[i]!, i);
  return acc;
}

export const rangeKernels: Record<string, RangeKernel> = {
  rate: (w, c) => extrapolated(w, c, true, true),
  increase: (w, c) => extrapolated(w, c, true, false),
  delta: (w, c) => extrapolated(w, c, false, false),
  sum_over_time: (w) => over(w, (a, v) => a + v, 0),
  count_over_time: (w) => w.to - w.from,
  avg_over_time: (w) => over(w, (a, v) => a + v, 0) / (w.to - w.from),
  min_over_time: (w) => over(w, (a, v, i) => (i === w.from || v < a || Number.isNaN(a) ? v : a), NaN),
  max_over_time: (w) => over(w, (a, v, i) => (i === w.from || v > a || Number.isNaN(a) ? v : a), NaN),
  last_over_time: (w) => w.v[w.to - 1],
  first_over_time: (w) => w.v[w.from],
  present_over_time: () => 1,
  changes: (w) => over(w, (a, v, i) => (i > w.from && v !== w.v[i - 1]! && !(Number.isNaN(v) && Number.isNaN(w.v[i - 1]!)) ? a + 1 : a), 0),
  resets: (w) => over(w, (a, v, i) => (i > w.from && v < w.v[i - 1]! ? a + 1 : a), 0),
};
