import type { Call } from "../ast";
import { clamp, dateKernels, goMax, goMin, mathKernels, roundTo } from "../functions/instantKernels";
import { PromQLError } from "../values";
import { absentLabels, absentOverTime, absentVector } from "./absent";
import { quoted } from "./annotations";
import { CallArgs, type Evaluate } from "./callArgs";
import { histogramFraction, histogramQuantile, histogramQuantiles } from "./histogramFunctions";
import { evalInfo } from "./info";
import { resolveAt } from "./durations";
import { pinnedTimestamps } from "./pinnedTimestamp";
import { labelJoin, labelReplace } from "./labelFunctions";
import { warnOnQuantileRange } from "./quantileAggregation";
import { evalRangeFunction, RANGE_FUNCTIONS } from "./rangeFunctions";
import { evalVectorSelector } from "./selectors";
import { sortByLabels, sortByValue } from "./sortFunctions";
import type { EvalContext, EvalValue, VectorValue } from "./types";
import { constantScalar, mapVector, scalarFromVector, scalarOf, timeScalar, vectorOf } from "./vectorMath";

type Handler = (args: CallArgs) => EvalValue;

const steps = (a: CallArgs) => a.ctx.grid.count;
const stringArgs = (a: CallArgs, from: number) => Array.from({ length: a.count - from }, (_, k) => a.string(from + k));

const HANDLERS: Record<string, Handler> = {
  time: (a) => timeScalar(a.ctx.grid),
  pi: (a) => constantScalar(Math.PI, steps(a)),
  step: (a) => constantScalar(a.ctx.queryStep / 1000, steps(a)),
  range: (a) => constantScalar((a.ctx.queryEnd - a.ctx.queryStart) / 1000, steps(a)),
  start: (a) => constantScalar(a.ctx.queryStart / 1000, steps(a)),
  end: (a) => constantScalar(a.ctx.queryEnd / 1000, steps(a)),
  min_of: (a) => pairwise(a, goMin),
  max_of: (a) => pairwise(a, goMax),
  vector: (a) => vectorOf(scalarOf(a.scalar(0))),
  scalar: (a) => scalarFromVector(a.vector(0), steps(a)),
  timestamp: timestamp,
  absent: (a) => absentVector(a.vector(0), absentLabels(a.expr(0)), steps(a)),
  absent_over_time: (a) => absentOverTime(a.matrix(0), absentLabels(a.expr(0)), steps(a)),
  label_replace: (a) => labelReplace(a.call, a.vector(0), stringArgs(a, 1), steps(a)),
  label_join: (a) => labelJoin(a.call, a.vector(0), stringArgs(a, 1), steps(a)),
  sort: (a) => sortIfInstant(a, (v) => sortByValue(v, false)),
  sort_desc: (a) => sortIfInstant(a, (v) => sortByValue(v, true)),
  sort_by_label: (a) => sortIfInstant(a, (v) => sortByLabels(v, stringArgs(a, 1), false)),
  sort_by_label_desc: (a) => sortIfInstant(a, (v) => sortByLabels(v, stringArgs(a, 1), true)),
  round: (a) => {
    const to = a.count > 1 ? a.scalar(1) : new Float64Array(steps(a)).fill(1);
    return mapVector(a.vector(0), (x, i) => roundTo(x, to[i]!));
  },
  clamp: clampHandler,
  clamp_min: (a) => {
    const min = a.scalar(1);
    return mapVector(a.vector(0), (x, i) => clamp(x, min[i]!, Infinity));
  },
  clamp_max: (a) => {
    const max = a.scalar(1);
    return mapVector(a.vector(0), (x, i) => clamp(x, -Infinity, max[i]!));
  },
  histogram_quantile: (a) => histogramQuantile(a.call, a.scalar(0), a.vector(1), a.ctx),
  histogram_quantiles: (a) => {
    const qs = Array.from({ length: a.count - 2 }, (_, k) => a.scalar(k + 2));
    return histogramQuantiles(a.call, a.vector(0), a.string(1), qs, a.ctx);
  },
  info: (a) => evalInfo(a.call, a.vector(0), a.ctx),
  histogram_fraction: (a) => histogramFraction(a.call, a.scalar(0), a.scalar(1), a.vector(2), a.ctx),
};

/** Native-histogram functions: float samples have no histogram, so they yield nothing. */
for (const name of ["histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar"]) {
  HANDLERS[name] = (a) => {
    a.vector(0);
    return { type: "vector", series: [] };
  };
}

/** min_of / max_of of two scalars per step; a NaN on either side gives NaN. */
function pairwise(a: CallArgs, pick: (x: number, y: number) => number): EvalValue {
  const x = a.scalar(0);
  const y = a.scalar(1);
  return scalarOf(x.map((v, i) => pick(v, y[i]!)));
}

function timestamp(a: CallArgs): EvalValue {
  let arg = a.expr(0);
  while (arg.kind === "paren") arg = arg.expr;
  if (arg.kind === "vectorSelector") {
    const at = resolveAt(arg.at, a.ctx);
    return mapVector(at === undefined ? evalVectorSelector(arg, a.ctx, true) : pinnedTimestamps(arg, at, a.ctx), (x) => x);
  }
  const v = a.vector(0);
  return mapVector(v, (_, i) => (a.ctx.grid.start + i * a.ctx.grid.step) / 1000);
}

function clampHandler(a: CallArgs): EvalValue {
  const v = a.vector(0);
  const min = a.scalar(1);
  const max = a.scalar(2);
  const mapped = mapVector(v, (x, i) => clamp(x, min[i]!, max[i]!));
  for (const s of mapped.series) {
    const present = s.present.slice();
    for (let i = 0; i < present.length; i++) if (max[i]! < min[i]!) present[i] = 0;
    s.present = present;
  }
  return { type: "vector", series: mapped.series.filter((s) => s.present.includes(1)) };
}

function sortIfInstant(a: CallArgs, sort: (v: VectorValue) => VectorValue): EvalValue {
  const v = a.vector(0);
  if (a.ctx.queryStart !== a.ctx.queryEnd) {
    a.ctx.annotations.warn("sort is ineffective for range queries since results are always ordered by labels", a.call.pos);
    return v;
  }
  return steps(a) === 1 ? sort(v) : v;
}

function dateFunction(a: CallArgs, kernel: (epochSeconds: number) => number): EvalValue {
  const v = a.count > 0 ? a.vector(0) : vectorOf(timeScalar(a.ctx.grid));
  return mapVector(v, kernel);
}

function rangeFunction(a: CallArgs, spec: { matrixArg: number; paramArgs: number[] }): EvalValue {
  const params = spec.paramArgs.map((i) => a.scalar(i));
  checkRangeParams(a, params);
  const matrix = a.matrix(spec.matrixArg);
  if (isPinnedSubqueryToAtUnsafe(a)) return { type: "vector", series: [] };
  return evalRangeFunction(a.call, matrix, params, a.ctx);
}

/**
 * Prometheus wraps a subquery with `@` in a step-invariant node when the function is unsafe under `@`
 * (predict_linear), and the function then finds no range vector argument: the result is always empty.
 */
function isPinnedSubqueryToAtUnsafe(a: CallArgs): boolean {
  if (a.call.func !== "predict_linear") return false;
  let arg = a.expr(0);
  while (arg.kind === "paren") arg = arg.expr;
  return arg.kind === "subquery" && arg.at !== undefined;
}

/** Parameters Prometheus checks before evaluating: quantiles are warned about, smoothing factors refused. */
function checkRangeParams(a: CallArgs, params: Float64Array[]): void {
  if (a.call.func === "quantile_over_time") warnOnQuantileRange(params[0]!, { param: a.call.args[0], pos: a.call.pos }, a.ctx);
  if (a.call.func !== "double_exponential_smoothing") return;
  const [sf, tf] = params as [Float64Array, Float64Array];
  for (let i = 0; i < sf.length; i++) {
    if (!(sf[i]! > 0 && sf[i]! < 1)) throw new PromQLError("execution", `invalid smoothing factor. Expected: 0 < sf < 1, got: ${sf[i]!.toFixed(6)}`);
    if (!(tf[i]! > 0 && tf[i]! < 1)) throw new PromQLError("execution", `invalid trend factor. Expected: 0 < tf < 1, got: ${tf[i]!.toFixed(6)}`);
  }
}

/** Evaluates a function call: the engine's own functions here, pure kernels from ../functions. */
export function evalCall(call: Call, ctx: EvalContext, evaluate: Evaluate): EvalValue {
  const args = new CallArgs(call, ctx, evaluate);
  const handler = HANDLERS[call.func];
  if (handler) return handler(args);
  const range = RANGE_FUNCTIONS[call.func];
  if (range) return rangeFunction(args, range);
  const date = dateKernels[call.func];
  if (date) return dateFunction(args, date);
  const math = mathKernels[call.func];
  if (math) return mapVector(args.vector(0), math);
  throw new PromQLError("bad_data", `unknown function with name ${quoted(call.func)}`, call.pos);
}
