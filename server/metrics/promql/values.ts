import type { Labels } from "../model/labels";
import type { Millis, NativeHistogram } from "../model/sample";
import type { LabelMatcher } from "../storage";

/** One series of an instant vector. */
export interface VectorSample {
  labels: Labels;
  t: Millis;
  /** Absent when the sample is a native histogram. */
  value?: number;
  histogram?: NativeHistogram;
}

/** One series of a matrix (a range query's result or a range vector), points oldest first. */
export interface MatrixSeries {
  labels: Labels;
  floats: { t: Millis; value: number }[];
  histograms?: { t: Millis; h: NativeHistogram }[];
}

export type QueryValue =
  | { resultType: "scalar"; t: Millis; value: number }
  | { resultType: "string"; t: Millis; value: string }
  | { resultType: "vector"; result: VectorSample[] }
  | { resultType: "matrix"; result: MatrixSeries[] };

/** Prometheus's API error types; each maps to its HTTP status in the API layer. */
export type PromErrorType = "bad_data" | "execution" | "timeout" | "canceled" | "internal" | "unavailable" | "not_found";

/** An error in Prometheus's words; `position` is set for parse errors. */
export class PromQLError extends Error {
  constructor(
    readonly type: PromErrorType,
    message: string,
    readonly position?: { start: number; end: number },
  ) {
    super(message);
    this.name = "PromQLError";
  }
}

/** Limits applied to one query; the API fills them from flags. */
export interface QueryLimits {
  /** Most samples held in memory at once while evaluating (Prometheus's --query.max-samples). */
  maxSamples: number;
  /** Wall-clock budget; past it the query ends with a `timeout` error. */
  timeoutMs: number;
  /** Default lookback for instant selectors. */
  lookbackDeltaMs: number;
}

export interface QueryOptions {
  limits?: Partial<QueryLimits>;
  /** Matchers added to every selector (the per-person access rule of the next issue). */
  extraMatchers?: readonly LabelMatcher[];
  signal?: AbortSignal;
}

/** What the HTTP API, the test runner and the benchmarks call; results are Prometheus-shaped. */
export interface QueryEngine {
  instantQuery(query: string, time: Millis, options?: QueryOptions): Promise<{ value: QueryValue; warnings: string[]; infos: string[] }>;
  rangeQuery(
    query: string,
    start: Millis,
    end: Millis,
    step: Millis,
    options?: QueryOptions,
  ): Promise<{ value: QueryValue; warnings: string[]; infos: string[] }>;
}
