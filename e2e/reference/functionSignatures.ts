// PromQL float functions by signature, as the generator needs them (native-histogram functions left out:
// the differential data has no native histograms).
export type ValueKind = "scalar" | "vector" | "matrix" | "string";

export interface FunctionSignature {
  name: string;
  args: ValueKind[];
  /** How many trailing args may be left out (date functions, round). */
  optional?: number;
  returns: ValueKind;
}

const vectorMath = [
  "abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "deg", "rad",
  "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "timestamp",
];
const dateFunctions = ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"];
const overTime = [
  "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "last_over_time",
  "first_over_time", "present_over_time", "absent_over_time", "stddev_over_time", "stdvar_over_time", "mad_over_time",
  "ts_of_min_over_time", "ts_of_max_over_time", "ts_of_first_over_time", "ts_of_last_over_time", "changes", "resets",
];
const counterFunctions = ["rate", "irate", "increase"];
const gaugeFunctions = ["delta", "idelta", "deriv"];

export const FUNCTIONS: readonly FunctionSignature[] = [
  ...vectorMath.map((name) => ({ name, args: ["vector"], returns: "vector" }) as FunctionSignature),
  ...dateFunctions.map((name) => ({ name, args: ["vector"], optional: 1, returns: "vector" }) as FunctionSignature),
  ...overTime.map((name) => ({ name, args: ["matrix"], returns: "vector" }) as FunctionSignature),
  ...counterFunctions.map((name) => ({ name, args: ["matrix"], returns: "vector" }) as FunctionSignature),
  ...gaugeFunctions.map((name) => ({ name, args: ["matrix"], returns: "vector" }) as FunctionSignature),
  { name: "quantile_over_time", args: ["scalar", "matrix"], returns: "vector" },
  { name: "predict_linear", args: ["matrix", "scalar"], returns: "vector" },
  { name: "double_exponential_smoothing", args: ["matrix", "scalar", "scalar"], returns: "vector" },
  { name: "round", args: ["vector", "scalar"], optional: 1, returns: "vector" },
  { name: "clamp", args: ["vector", "scalar", "scalar"], returns: "vector" },
  { name: "clamp_min", args: ["vector", "scalar"], returns: "vector" },
  { name: "clamp_max", args: ["vector", "scalar"], returns: "vector" },
  { name: "absent", args: ["vector"], returns: "vector" },
  { name: "sort", args: ["vector"], returns: "vector" },
  { name: "sort_desc", args: ["vector"], returns: "vector" },
  { name: "histogram_quantile", args: ["scalar", "vector"], returns: "vector" },
  { name: "vector", args: ["scalar"], returns: "vector" },
  { name: "scalar", args: ["vector"], returns: "scalar" },
  { name: "time", args: [], returns: "scalar" },
  { name: "pi", args: [], returns: "scalar" },
];

export function functionsReturning(kind: ValueKind): FunctionSignature[] {
  return FUNCTIONS.filter((f) => f.returns === kind);
}

/** Range functions meant for counters; the generator feeds them counter series most of the time. */
export function wantsCounter(name: string): boolean {
  return counterFunctions.includes(name) || name === "resets";
}

/** Date functions read their argument as Unix seconds; Go's conversion of NaN, ±Inf or huge values is machine-specific. */
export function isDateFunction(name: string): boolean {
  return dateFunctions.includes(name);
}

export const AGGREGATIONS = ["sum", "avg", "min", "max", "count", "stddev", "stdvar", "group"] as const;
export const ARITHMETIC = ["+", "-", "*", "/", "%", "^", "atan2"] as const;
export const COMPARISONS = ["==", "!=", ">", "<", ">=", "<="] as const;
export const SET_OPERATORS = ["and", "or", "unless"] as const;
