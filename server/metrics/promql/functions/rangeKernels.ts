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

export type { RangeContext, RangeKernel, RangeWindow } from "./rangeWindow";
import type { RangeKernel } from "./rangeWindow";

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
