import { changes, resets } from "./changeKernels";
import { kernelTable } from "./kernelTable";
import { extrapolatedDelta, extrapolatedIncrease, extrapolatedRate, instantDelta, instantRate } from "./rateKernels";
import { deriv, predictLinear } from "./regression";
import {
  avgOverTime,
  countOverTime,
  firstOverTime,
  lastOverTime,
  maxOverTime,
  minOverTime,
  presentOverTime,
  stddevOverTime,
  stdvarOverTime,
  sumOverTime,
  tsOfFirstOverTime,
  tsOfLastOverTime,
  tsOfMaxOverTime,
  tsOfMinOverTime,
} from "./overTimeKernels";
import { madOverTime, quantileOverTime } from "./quantile";
import { doubleExponentialSmoothing } from "./smoothing";

/**
 * The float samples of one series inside the left-open window (rangeStart, rangeEnd], oldest
 * first, stale markers already removed: indices [from, to) of `t` (ms) and `v`.
 * Histogram samples are not passed; the evaluator handles series that hold them.
 */
export interface RangeWindow {
  t: Float64Array;
  v: Float64Array;
  from: number;
  to: number;
}

/** Where one kernel call looks, in ms. */
export interface RangeContext {
  /** Exclusive start of the window, after offset and `@` are applied. */
  rangeStart: number;
  /** Inclusive end of the window, after offset and `@` are applied; rate divides by end - start. */
  rangeEnd: number;
  /** The step being evaluated, untouched by offset and `@`: predict_linear anchors its line here. */
  evalTime: number;
}

/**
 * One range-vector function on one series; `undefined` means the series yields no sample.
 * Kernels are called only with a non-empty window (`to > from`); parameters such as the
 * quantile or smoothing factors come in `params`, already checked by the caller.
 */
export type RangeKernel = (w: RangeWindow, ctx: RangeContext, params: number[]) => number | undefined;

export const rangeKernels: Record<string, RangeKernel> = kernelTable({
  rate: extrapolatedRate,
  increase: extrapolatedIncrease,
  delta: extrapolatedDelta,
  irate: instantRate,
  idelta: instantDelta,
  deriv,
  predict_linear: predictLinear,
  changes,
  resets,
  avg_over_time: avgOverTime,
  sum_over_time: sumOverTime,
  min_over_time: minOverTime,
  max_over_time: maxOverTime,
  count_over_time: countOverTime,
  stddev_over_time: stddevOverTime,
  stdvar_over_time: stdvarOverTime,
  last_over_time: lastOverTime,
  first_over_time: firstOverTime,
  present_over_time: presentOverTime,
  mad_over_time: madOverTime,
  quantile_over_time: quantileOverTime,
  ts_of_min_over_time: tsOfMinOverTime,
  ts_of_max_over_time: tsOfMaxOverTime,
  ts_of_first_over_time: tsOfFirstOverTime,
  ts_of_last_over_time: tsOfLastOverTime,
  double_exponential_smoothing: doubleExponentialSmoothing,
});
