import type { AggregateExpr } from "../ast";
import { PromQLError } from "../values";
import { newAccumulator } from "./accumulators";
import { evalCountValues } from "./countValues";
import { groupSeries } from "./grouping";
import { evalQuantileAggregation } from "./quantileAggregation";
import { evalSelectK } from "./selectK";
import type { EvalContext, EvalValue, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

/** Evaluates an aggregation over an evaluated input vector and (when it takes one) parameter. */
export function evalAggregate(expr: AggregateExpr, input: EvalValue, param: EvalValue | undefined, ctx: EvalContext): VectorValue {
  if (input.type !== "vector") {
    throw new PromQLError("bad_data", `expected type instant vector in aggregation expression, got ${input.type}`, expr.expr.pos);
  }
  switch (expr.op) {
    case "topk":
    case "bottomk":
    case "limitk":
    case "limit_ratio":
      return evalSelectK(expr, input, scalarParam(expr, param), ctx);
    case "quantile":
      return evalQuantileAggregation(expr, input, scalarParam(expr, param), ctx);
    case "count_values":
      if (param?.type !== "string") throw new PromQLError("bad_data", "count_values: expected a string parameter", expr.pos);
      return evalCountValues(expr, input, param.value, ctx.grid.count);
    default:
      return evalSimpleAggregation(expr, input, ctx.grid.count);
  }
}

function scalarParam(expr: AggregateExpr, param: EvalValue | undefined): Float64Array {
  if (param?.type !== "scalar") throw new PromQLError("bad_data", `${expr.op}: expected a scalar parameter`, expr.pos);
  return param.values;
}

function evalSimpleAggregation(expr: AggregateExpr, input: VectorValue, steps: number): VectorValue {
  const grouping = groupSeries(expr, input.series);
  const out: StepSeries[] = [];
  grouping.members.forEach((members, gi) => {
    const acc = newAccumulator(expr.op, steps);
    if (!acc) throw new PromQLError("bad_data", `unknown aggregation ${expr.op}`, expr.pos);
    for (const m of members) acc.addSeries(input.series[m]!.values, input.series[m]!.present);
    const r = newStepSeries(grouping.labels[gi]!, steps, grouping.dropName[gi]);
    for (let i = 0; i < steps; i++) {
      if (acc.count[i] === 0) continue;
      r.values[i] = acc.result(i);
      r.present[i] = 1;
    }
    out.push(r);
  });
  return { type: "vector", series: out.filter((s) => s.present.includes(1)) };
}
