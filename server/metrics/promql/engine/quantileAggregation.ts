import type { AggregateExpr } from "../ast";
import { quantileOf } from "../functions/instantKernels";
import { formatGoFloat } from "./format";
import { groupSeries } from "./grouping";
import type { EvalContext, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

/** quantile(q, v): the q-quantile of each group's values per step; q outside [0, 1] is warned about. */
export function evalQuantileAggregation(expr: AggregateExpr, input: VectorValue, qs: Float64Array, ctx: EvalContext): VectorValue {
  const steps = ctx.grid.count;
  warnOnQuantileRange(qs, expr, ctx);
  const grouping = groupSeries(expr, input.series);
  const out: StepSeries[] = [];
  grouping.members.forEach((members, gi) => {
    const r = newStepSeries(grouping.labels[gi]!, steps, grouping.dropName[gi]);
    const values: number[] = [];
    let any = false;
    for (let i = 0; i < steps; i++) {
      values.length = 0;
      for (const m of members) {
        const s = input.series[m]!;
        if (s.present[i]) values.push(s.values[i]!);
      }
      if (values.length === 0) continue;
      r.values[i] = quantileOf(qs[i]!, values);
      r.present[i] = 1;
      any = true;
    }
    if (any) out.push(r);
  });
  return { type: "vector", series: out };
}

export function warnOnQuantileRange(qs: Float64Array, expr: { param?: { pos: { start: number; end: number } }; pos: { start: number; end: number } }, ctx: EvalContext): void {
  for (const q of qs) {
    if (q >= 0 && q <= 1) continue;
    ctx.annotations.warn(`quantile value should be between 0 and 1, got ${formatGoFloat(q)}`, expr.param?.pos ?? expr.pos);
    return;
  }
}
