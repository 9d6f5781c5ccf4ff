import { labelValue, METRIC_NAME } from "../../model/labels";
import type { Call } from "../ast";
import { extendedModifierError, extendedRangeKernels } from "../functions/extendedRangeKernels";
import { rangeKernels, type RangeContext, type RangeKernel, type RangeWindow } from "../functions/rangeKernels";
import { PromQLError } from "../values";
import { quoted } from "./annotations";
import type { EvalContext, MatrixValue, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

/** Range-vector functions: where the matrix argument is and which arguments are per-step scalar parameters. */
export const RANGE_FUNCTIONS: Record<string, { matrixArg: number; paramArgs: number[] }> = {
  quantile_over_time: { matrixArg: 1, paramArgs: [0] },
  predict_linear: { matrixArg: 0, paramArgs: [1] },
  double_exponential_smoothing: { matrixArg: 0, paramArgs: [1, 2] },
};
for (const name of [
  "rate", "increase", "delta", "irate", "idelta", "deriv", "changes", "resets",
  "avg_over_time", "sum_over_time", "min_over_time", "max_over_time", "count_over_time",
  "stddev_over_time", "stdvar_over_time", "last_over_time", "first_over_time", "present_over_time",
  "mad_over_time", "ts_of_min_over_time", "ts_of_max_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
]) {
  RANGE_FUNCTIONS[name] = { matrixArg: 0, paramArgs: [] };
}

/** These return a sample of the input unchanged, so the metric name stays. */
const KEEPS_NAME = new Set(["last_over_time", "first_over_time"]);
const COUNTER_FUNCTIONS = new Set(["rate", "increase"]);
const COUNTER_SUFFIXES = ["_total", "_sum", "_count", "_bucket"];

/** Applies a range kernel to every series' window at every step. */
export function evalRangeFunction(call: Call, matrix: MatrixValue, params: Float64Array[], ctx: EvalContext): VectorValue {
  const kernel = kernelFor(call, matrix);
  const before = matrix.modifier ? ctx.limits.lookbackDeltaMs : 0;
  const after = matrix.modifier === "smoothed" ? ctx.limits.lookbackDeltaMs : 0;
  const steps = ctx.grid.count;
  const keepsName = KEEPS_NAME.has(call.func);
  const out: StepSeries[] = [];
  const stepParams = new Array<number>(params.length);
  const rangeCtx: RangeContext = { rangeStart: 0, rangeEnd: 0, evalTime: 0 };
  for (const s of matrix.series) {
    if (COUNTER_FUNCTIONS.has(call.func)) warnIfNotCounter(call, labelValue(s.labels, METRIC_NAME), ctx);
    const r = newStepSeries(s.labels, steps, keepsName ? s.dropName : true);
    const w: RangeWindow = { t: s.t, v: s.v, from: 0, to: 0 };
    let any = false;
    for (let i = 0; i < steps; i++) {
      const end = matrix.windowEnds[i]!;
      advanceWindow(w, end - matrix.rangeMs - before, end + after);
      if (w.from === w.to) continue;
      rangeCtx.rangeStart = end - matrix.rangeMs;
      rangeCtx.rangeEnd = end;
      rangeCtx.evalTime = matrix.evalTimes[i]!;
      for (let p = 0; p < params.length; p++) stepParams[p] = params[p]![i]!;
      const value = kernel(w, rangeCtx, stepParams);
      if (value === undefined) continue;
      r.values[i] = value;
      r.present[i] = 1;
      any = true;
    }
    if (any) out.push(r);
    ctx.budget.checkpoint();
  }
  return { type: "vector", series: out };
}

function kernelFor(call: Call, matrix: MatrixValue): RangeKernel {
  if (matrix.modifier) {
    const error = extendedModifierError(matrix.modifier, call.func);
    if (error) throw new PromQLError("bad_data", error, call.pos);
    return extendedRangeKernels[matrix.modifier][call.func]!;
  }
  const kernel = rangeKernels[call.func];
  if (!kernel) throw new PromQLError("bad_data", `unknown function with name ${quoted(call.func)}`, call.pos);
  return kernel;
}

/** Moves [from, to) to the points in (start, end]; steps only move forward, or stay for a fixed `@` time. */
function advanceWindow(w: RangeWindow, start: number, end: number): void {
  const t = w.t;
  if (w.from > 0 && t[w.from - 1]! > start) w.from = 0;
  if (w.to > 0 && t[w.to - 1]! > end) w.to = 0;
  while (w.from < t.length && t[w.from]! <= start) w.from++;
  if (w.to < w.from) w.to = w.from;
  while (w.to < t.length && t[w.to]! <= end) w.to++;
}

function warnIfNotCounter(call: Call, name: string, ctx: EvalContext): void {
  if (name === "" || COUNTER_SUFFIXES.some((suffix) => name.endsWith(suffix))) return;
  const arg = call.args[0];
  ctx.annotations.info(
    `metric might not be a counter, name does not end in _total/_sum/_count/_bucket: ${quoted(name)}`,
    arg?.pos ?? call.pos,
  );
}
