import type { ValueType } from "../ast";

/** What a function takes and gives; `variadic` > 0: that many trailing args may be left out; -1: the last repeats. */
export interface FunctionSignature {
  name: string;
  argTypes: ValueType[];
  variadic: number;
  returnType: ValueType;
  experimental: boolean;
}

type Shape = [argTypes: ValueType[], variadic?: number, returnType?: ValueType, experimental?: boolean];

const V: ValueType = "vector";
const M: ValueType = "matrix";
const S: ValueType = "scalar";
const STR: ValueType = "string";

const vectorMath = [
  "abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "deg", "exp", "floor",
  "histogram_avg", "histogram_count", "histogram_sum", "histogram_stddev", "histogram_stdvar", "ln", "log10", "log2",
  "rad", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "tan", "tanh", "timestamp", "start_timestamp",
];
const overTime = [
  "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase", "irate",
  "last_over_time", "max_over_time", "min_over_time", "present_over_time", "rate", "resets", "stddev_over_time",
  "stdvar_over_time", "sum_over_time",
];
const experimentalOverTime = [
  "first_over_time", "mad_over_time", "ts_of_first_over_time", "ts_of_max_over_time", "ts_of_min_over_time", "ts_of_last_over_time",
];
const calendar = ["days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year"];

const shapes: Record<string, Shape> = {
  ...Object.fromEntries(vectorMath.map((name) => [name, [[V]] as Shape])),
  ...Object.fromEntries(overTime.map((name) => [name, [[M]] as Shape])),
  ...Object.fromEntries(experimentalOverTime.map((name) => [name, [[M], 0, V, true] as Shape])),
  ...Object.fromEntries(calendar.map((name) => [name, [[V], 1] as Shape])),
  clamp: [[V, S, S]],
  clamp_max: [[V, S]],
  clamp_min: [[V, S]],
  double_exponential_smoothing: [[M, S, S], 0, V, true],
  histogram_fraction: [[S, S, V]],
  histogram_quantile: [[S, V]],
  histogram_quantiles: [[V, STR, S, S], 9, V, true],
  info: [[V, V], 1, V, true],
  label_join: [[V, STR, STR, STR], -1],
  label_replace: [[V, STR, STR, STR, STR]],
  pi: [[], 0, S],
  predict_linear: [[M, S]],
  quantile_over_time: [[S, M]],
  round: [[V, S], 1],
  scalar: [[V], 0, S],
  sort_by_label: [[V, STR], -1, V, true],
  sort_by_label_desc: [[V, STR], -1, V, true],
  time: [[], 0, S],
  vector: [[S]],
  start: [[], 0, S, true],
  end: [[], 0, S, true],
  step: [[], 0, S, true],
  range: [[], 0, S, true],
  min_of: [[S, S], 0, S, true],
  max_of: [[S, S], 0, S, true],
};

/** Every PromQL function the 0.314 grammar knows, by name. */
export const functionSignatures: ReadonlyMap<string, FunctionSignature> = new Map(
  Object.entries(shapes).map(([name, [argTypes, variadic = 0, returnType = V, experimental = false]]) => [
    name,
    { name, argTypes, variadic, returnType, experimental },
  ]),
);
