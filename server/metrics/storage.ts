import type { Labels } from "./model/labels";
import type { Millis, NativeHistogram } from "./model/sample";

export type MatchType = "=" | "!=" | "=~" | "!~";

/** One label matcher of a selector; regexes are fully anchored, as in Prometheus. */
export interface LabelMatcher {
  type: MatchType;
  name: string;
  value: string;
}

/** One series' samples inside the asked window, oldest first; float and histogram samples never share a timestamp. */
export interface SeriesSamples {
  labels: Labels;
  /** Float sample timestamps (ms), ascending. */
  timestamps: Float64Array;
  /** Float sample values, same length as timestamps; stale markers included as STALE_NAN. */
  values: Float64Array;
  /** Native histogram samples, ascending by t; absent when the series has none in the window. */
  histograms?: { t: Millis; h: NativeHistogram }[];
}

/** Read side of a store: what PromQL, the series API and the label APIs need. */
export interface Querier {
  /** Series matching every matcher with at least one sample in [mint, maxt] (inclusive, ms), sorted by labels. */
  select(matchers: readonly LabelMatcher[], mint: Millis, maxt: Millis): SeriesSamples[];
  /** Label sets only, without samples (the /series API), sorted. */
  series(matchers: readonly LabelMatcher[], mint: Millis, maxt: Millis): Labels[];
  /** Sorted label names of series matching all matchers (all series when none). */
  labelNames(matchers: readonly LabelMatcher[], mint: Millis, maxt: Millis): string[];
  /** Sorted values of one label over series matching all matchers. */
  labelValues(name: string, matchers: readonly LabelMatcher[], mint: Millis, maxt: Millis): string[];
}

/** Why one sample of a batch was not stored; the rest of the batch is kept. */
export type AppendRejection = "out_of_order" | "duplicate_timestamp" | "invalid_labels" | "too_old";

export interface AppendResult {
  appended: number;
  rejected: Partial<Record<AppendRejection, number>>;
}

/** Write side shared by the collectors and the remote-write receiver: a batch is made durable (WAL) on commit. */
export interface Appender {
  append(labels: Labels, t: Millis, value: number): void;
  appendHistogram(labels: Labels, t: Millis, histogram: NativeHistogram): void;
  /** Writes the batch to the WAL and the head; samples refused for their reason are counted, not thrown. */
  commit(): Promise<AppendResult>;
  rollback(): void;
}

/** Metric metadata as the /metadata API reports it. */
export interface MetricMetadata {
  type: "counter" | "gauge" | "histogram" | "gaugehistogram" | "summary" | "info" | "stateset" | "unknown";
  help: string;
  unit: string;
}

export interface Storage {
  querier(): Querier;
  appender(): Appender;
  setMetadata(metric: string, metadata: MetricMetadata): void;
  metadata(metric?: string): Map<string, MetricMetadata[]>;
  close(): Promise<void>;
}
