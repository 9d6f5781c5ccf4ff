import type { Expr, SubqueryExpr } from "../ast";
import { resolveAt, resolveDuration, resolvePositiveDuration } from "./durations";
import { selectorTimes } from "./selectors";
import type { EvalContext, EvalValue, MatrixValue, RangeSeries } from "./types";

type Evaluate = (expr: Expr, ctx: EvalContext) => EvalValue;

/** A subquery: the inner expression at absolute multiples of its step covering every outer window, then windows per step. */
export function evalSubquery(sq: SubqueryExpr, ctx: EvalContext, evaluate: Evaluate): MatrixValue {
  const rangeMs = resolvePositiveDuration(sq.range, ctx, "subquery range");
  const stepMs = sq.step ? resolvePositiveDuration(sq.step, ctx, "subquery step") : ctx.defaultSubqueryStepMs;
  const offset = sq.offset ? resolveDuration(sq.offset, ctx) : 0;
  const at = resolveAt(sq.at, ctx);
  const windowEnds = selectorTimes(ctx, at, offset);
  const evalTimes = selectorTimes(ctx, at, 0);
  if (windowEnds.length === 0) return { type: "matrix", series: [], rangeMs, windowEnds, evalTimes };
  const mint = windowEnds[0]! - rangeMs;
  const maxt = windowEnds[windowEnds.length - 1]!;
  let start = Math.floor(mint / stepMs) * stepMs;
  if (start < mint) start += stepMs;
  const count = start > maxt ? 0 : Math.floor((maxt - start) / stepMs) + 1;
  const inner: EvalContext = { ...ctx, grid: { start, end: maxt, step: stepMs, count } };
  const value = count === 0 ? undefined : evaluate(sq.expr, inner);
  return { type: "matrix", series: value ? toRangeSeries(value, start, stepMs) : [], rangeMs, windowEnds, evalTimes };
}

function toRangeSeries(value: EvalValue, start: number, step: number): RangeSeries[] {
  if (value.type === "scalar") {
    const t = new Float64Array(value.values.length);
    for (let i = 0; i < t.length; i++) t[i] = start + i * step;
    return [{ labels: [], t, v: value.values, dropName: false }];
  }
  if (value.type !== "vector") return [];
  return value.series.map((s) => {
    let n = 0;
    for (let i = 0; i < s.present.length; i++) n += s.present[i]!;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < s.present.length; i++) {
      if (!s.present[i]) continue;
      t[k] = start + i * step;
      v[k++] = s.values[i]!;
    }
    return { labels: s.labels, t, v, dropName: s.dropName };
  });
}
