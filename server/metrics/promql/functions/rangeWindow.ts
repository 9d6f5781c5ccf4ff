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
