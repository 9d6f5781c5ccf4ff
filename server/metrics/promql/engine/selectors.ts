import { isStaleNaN } from "../../model/sample";
import type { SeriesSamples } from "../../storage";
import type { MatrixSelector, VectorSelector } from "../ast";
import { resolveAt, resolveDuration, resolvePositiveDuration } from "./durations";
import { PromQLError } from "../values";
import type { EvalContext, MatrixValue, RangeSeries, StepSeries, VectorValue } from "./types";
import { newStepSeries, stepTime } from "./types";

/** The reference time of each step for a selector: its `@` time or the step time, minus the offset. */
export function selectorTimes(ctx: EvalContext, at: number | undefined, offsetMs: number): Float64Array {
  const times = new Float64Array(ctx.grid.count);
  for (let i = 0; i < times.length; i++) times[i] = (at ?? stepTime(ctx.grid, i)) - offsetMs;
  return times;
}

function selectSeries(ctx: EvalContext, sel: VectorSelector, mint: number, maxt: number): SeriesSamples[] {
  const matchers = ctx.extraMatchers.length === 0 ? sel.matchers : [...sel.matchers, ...ctx.extraMatchers];
  ctx.budget.checkNow();
  return ctx.querier.select(matchers, mint, maxt);
}

function selectorRefTimes(sel: VectorSelector, ctx: EvalContext): Float64Array {
  const offset = sel.offset ? resolveDuration(sel.offset, ctx) : 0;
  return selectorTimes(ctx, resolveAt(sel.at, ctx), offset);
}

/** An instant selector: per step the newest sample in (t - lookback, t], unless it is a stale marker. */
export function evalVectorSelector(sel: VectorSelector, ctx: EvalContext, asTimestamps = false): VectorValue {
  return selectAtTimes(sel, ctx, selectorRefTimes(sel, ctx), asTimestamps);
}

/** An instant selector read at the given reference times (offset and `@` already applied). */
export function selectAtTimes(sel: VectorSelector, ctx: EvalContext, refs: Float64Array, asTimestamps: boolean): VectorValue {
  if (refs.length === 0) return { type: "vector", series: [] };
  const lookback = ctx.limits.lookbackDeltaMs;
  const selected = selectSeries(ctx, sel, refs[0]! - lookback + 1, refs[refs.length - 1]!);
  const out: StepSeries[] = [];
  for (const s of selected) {
    const series = lookbackSeries(s, refs, lookback, asTimestamps);
    if (series) out.push(series);
    ctx.budget.checkpoint();
  }
  return { type: "vector", series: out };
}

export function lookbackSeries(s: SeriesSamples, refs: Float64Array, lookback: number, asTimestamps: boolean): StepSeries | undefined {
  const ts = s.timestamps;
  const vs = s.values;
  const hs = s.histograms ?? [];
  const out = newStepSeries(s.labels, refs.length);
  let j = -1;
  let h = -1;
  let any = false;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    while (j + 1 < ts.length && ts[j + 1]! <= ref) j++;
    while (h + 1 < hs.length && hs[h + 1]!.t <= ref) h++;
    // A newer native histogram sample hides the older float: floats do not show through it.
    if (h >= 0 && hs[h]!.t > ref - lookback && (j < 0 || hs[h]!.t > ts[j]!)) {
      if (asTimestamps) {
        out.values[i] = hs[h]!.t / 1000;
        out.present[i] = 1;
      } else {
        (out.histograms ??= new Array(refs.length))[i] = hs[h]!.h;
      }
      any = true;
      continue;
    }
    if (j < 0 || ts[j]! <= ref - lookback) continue;
    const v = vs[j]!;
    if (v !== v && isStaleNaN(v)) continue;
    out.values[i] = asTimestamps ? ts[j]! / 1000 : v;
    out.present[i] = 1;
    any = true;
  }
  return any ? out : undefined;
}

/** A range selector: one select for the whole query, windows sliced per step later. */
export function evalMatrixSelector(ms: MatrixSelector, ctx: EvalContext): MatrixValue {
  const rangeMs = resolvePositiveDuration(ms.range, ctx, "range");
  const windowEnds = selectorRefTimes(ms.selector, ctx);
  const evalTimes = selectorTimes(ctx, undefined, 0);
  const modifier = extendedModifierOf(ms.selector, ctx);
  const empty: MatrixValue = { type: "matrix", series: [], rangeMs, windowEnds, evalTimes, ...(modifier ? { modifier } : {}) };
  if (windowEnds.length === 0) return empty;
  const before = modifier ? ctx.limits.lookbackDeltaMs : 0;
  const after = modifier === "smoothed" ? ctx.limits.lookbackDeltaMs : 0;
  const selected = selectSeries(ctx, ms.selector, windowEnds[0]! - rangeMs - before + 1, windowEnds[windowEnds.length - 1]! + after);
  const series: RangeSeries[] = [];
  for (const s of selected) {
    const points = withoutStaleMarkers(s.timestamps, s.values);
    if (points.t.length > 0) series.push({ labels: s.labels, t: points.t, v: points.v, dropName: false });
  }
  return { ...empty, series };
}

function withoutStaleMarkers(t: Float64Array, v: Float64Array): { t: Float64Array; v: Float64Array } {
  let stale = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i] && isStaleNaN(v[i]!)) stale++;
  if (stale === 0) return { t, v };
  const keptT = new Float64Array(v.length - stale);
  const keptV = new Float64Array(v.length - stale);
  let k = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x && isStaleNaN(x)) continue;
    keptT[k] = t[i]!;
    keptV[k++] = x;
  }
  return { t: keptT, v: keptV };
}

/** The experimental range modifier of a selector; refused when the engine runs without experimental features. */
export function extendedModifierOf(sel: VectorSelector, ctx: EvalContext): "anchored" | "smoothed" | undefined {
  const modifier = sel.anchored ? "anchored" : sel.smoothed ? "smoothed" : undefined;
  if (modifier && !ctx.enableExperimental) {
    throw new PromQLError("bad_data", `the ${modifier} modifier is experimental and must be enabled`, sel.pos);
  }
  return modifier;
}

/** Index range [from, to) of the points of ts inside (end - range, end], found by binary search. */
export function windowBounds(ts: Float64Array, end: number, rangeMs: number): [number, number] {
  return [upperBound(ts, end - rangeMs), upperBound(ts, end)];
}

/** First index whose value is greater than x. */
export function upperBound(ts: Float64Array, x: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
