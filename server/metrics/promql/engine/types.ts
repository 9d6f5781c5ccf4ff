import type { Labels } from "../../model/labels";
import type { NativeHistogram } from "../../model/sample";
import type { LabelMatcher, Querier } from "../../storage";
import type { QueryLimits } from "../values";
import type { Annotations } from "./annotations";
import { allocFlags, allocFloats } from "./slab";
import type { SampleBudget } from "./limits";

/** One series of an instant vector across every step of the evaluation; absent steps have present[i] = 0. */
export interface StepSeries {
  labels: Labels;
  values: Float64Array;
  present: Uint8Array;
  /** Prometheus 3 delayed name removal: `__name__` goes at the end of the query, not where it was dropped. */
  dropName: boolean;
  /** Native histogram samples by step, where the series has one instead of a float; only selectors and pass-through functions carry them. */
  histograms?: (NativeHistogram | undefined)[];
}

/** One series of a range vector: float points oldest first, stale markers removed. */
export interface RangeSeries {
  labels: Labels;
  t: Float64Array;
  v: Float64Array;
  dropName: boolean;
}

/** A range vector across the steps: step i's window is (windowEnds[i] - rangeMs, windowEnds[i]]. */
export interface MatrixValue {
  type: "matrix";
  series: RangeSeries[];
  rangeMs: number;
  windowEnds: Float64Array;
  /** Each step's own time, which functions such as predict_linear measure from even under `@`. */
  evalTimes: Float64Array;
  /** Prometheus 3's experimental `anchored` / `smoothed`: the series also hold points up to a lookback outside the window. */
  modifier?: "anchored" | "smoothed";
}

export interface ScalarValue {
  type: "scalar";
  values: Float64Array;
}

export interface StringValue {
  type: "string";
  value: string;
}

export interface VectorValue {
  type: "vector";
  series: StepSeries[];
}

export type EvalValue = ScalarValue | StringValue | VectorValue | MatrixValue;

/** The step grid of one evaluation: times start, start+step, ..., count of them. */
export interface StepGrid {
  start: number;
  end: number;
  step: number;
  count: number;
}

/** What every evaluation node shares for one query. */
export interface EvalContext {
  querier: Querier;
  grid: StepGrid;
  /** The outer query's start and end, which `@ start()` / `@ end()` and step()/range() name. */
  queryStart: number;
  queryEnd: number;
  queryStep: number;
  limits: QueryLimits;
  extraMatchers: readonly LabelMatcher[];
  annotations: Annotations;
  budget: SampleBudget;
  /** Interval of subqueries written without a step. */
  defaultSubqueryStepMs: number;
  enableExperimental: boolean;
}

export function stepTime(grid: StepGrid, i: number): number {
  return grid.start + i * grid.step;
}

export function gridWithin(grid: StepGrid, start: number, end: number, step: number): StepGrid {
  const count = step > 0 ? Math.floor((end - start) / step) + 1 : 1;
  return { ...grid, start, end, step, count: Math.max(0, count) };
}

export function newStepSeries(labels: Labels, steps: number, dropName = false): StepSeries {
  return { labels, values: allocFloats(steps), present: allocFlags(steps), dropName };
}
