import type { SeriesSamples } from "../../storage";
import type { VectorSelector } from "../ast";
import { resolveAt, resolveDuration } from "./durations";
import { lookbackSeries } from "./selectors";
import type { EvalContext, StepSeries, VectorValue } from "./types";

/**
 * timestamp(selector @ t offset o), as Prometheus evaluates it: the selector is read at t itself (the
 * offset is dropped), but only samples inside the offset window [t - o - lookback, t - o] are seen.
 */
export function pinnedTimestamps(sel: VectorSelector, at: number, ctx: EvalContext): VectorValue {
  const offset = sel.offset ? resolveDuration(sel.offset, ctx) : 0;
  const lookback = ctx.limits.lookbackDeltaMs;
  const mint = at - offset - lookback;
  const maxt = at - offset;
  const matchers = ctx.extraMatchers.length === 0 ? sel.matchers : [...sel.matchers, ...ctx.extraMatchers];
  ctx.budget.checkNow();
  const refs = new Float64Array(ctx.grid.count).fill(at);
  const out: StepSeries[] = [];
  for (const s of ctx.querier.select(matchers, mint, maxt)) {
    const series = refs.length > 0 ? lookbackSeries(trimSamples(s, mint, maxt), refs, lookback, true) : undefined;
    if (series) out.push(series);
    ctx.budget.checkpoint();
  }
  return { type: "vector", series: out };
}

export { resolveAt };

function trimSamples(s: SeriesSamples, mint: number, maxt: number): SeriesSamples {
  let from = 0;
  while (from < s.timestamps.length && s.timestamps[from]! < mint) from++;
  let to = from;
  while (to < s.timestamps.length && s.timestamps[to]! <= maxt) to++;
  const histograms = s.histograms?.filter((x) => x.t >= mint && x.t <= maxt);
  return { labels: s.labels, timestamps: s.timestamps.subarray(from, to), values: s.values.subarray(from, to), histograms };
}
