import type { Millis } from "../model/sample";
import type { QueryEngine } from "../promql/values";
import type { LabelMatcher, Storage } from "../storage";
import type { TsdbStatus } from "../tsdb/headStats";
import type { PromParams } from "./params";

/** The limits the API applies to every query, from flags. */
export interface ApiLimits {
  /** Wall-clock budget of one query (--query-timeout); a request's `timeout` can only shorten it. */
  timeoutMs: number;
  /** Most samples one query may hold (--query-max-samples). */
  maxSamples: number;
  /** Most points per series of a range query (--query-max-points-per-series). */
  maxPointsPerSeries: number;
  /** Default lookback of instant selectors; a request's `lookback_delta` overrides it. */
  lookbackDeltaMs: number;
}

/** What the Prometheus API layer stands on: the engine, the store, the parser and the clock. */
export interface PromApiDeps {
  engine: QueryEngine;
  storage: Pick<Storage, "querier" | "metadata">;
  /** Parses a series selector of `match[]`; throws PromQLError (bad_data) with a position on bad input. */
  parseSelector(text: string): LabelMatcher[];
  /** Parses and re-prints a query (format_query); throws PromQLError on bad input. */
  formatQuery(text: string): string;
  limits: ApiLimits;
  now(): Millis;
  /** Orrery's version for status/buildinfo. */
  version: string;
  /** Head cardinality for status/tsdb over the series the scope selects; absent where the store has no head to describe. */
  tsdbStatus?(limit: number, scope: readonly LabelMatcher[]): TsdbStatus;
}

/** One request as an endpoint sees it. */
export interface ApiCall {
  params: PromParams;
  /** The reader's access rule, added to every selector, series and label lookup. */
  scopeMatchers: readonly LabelMatcher[];
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

export type Endpoint = (deps: PromApiDeps, call: ApiCall) => Promise<Response>;
