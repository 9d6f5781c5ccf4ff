import { formatLabels, METRIC_NAME, normalizeLabels, type Labels } from "../../model/labels";
import type { HistogramSpan, Millis, NativeHistogram } from "../../model/sample";
import type { MetricMetadata } from "../../storage";
import { RemoteWriteError } from "./decodeWriteRequest";
import type { WireHistogram, WireLabel, WireMetadata, WireSpan, WireWriteRequest } from "./writeRequestSchema";

/** One series' samples of a request, checked and in the store's terms. */
export interface SeriesBatch {
  labels: Labels;
  samples: { t: Millis; value: number }[];
  histograms: { t: Millis; h: NativeHistogram }[];
}

export interface WriteBatch {
  series: SeriesBatch[];
  metadata: [string, MetricMetadata][];
  sampleCount: number;
}

function checkLabels(wire: readonly WireLabel[]): Labels {
  const seen = new Set<string>();
  for (const { name } of wire) {
    if (name === "") throw new RemoteWriteError(400, `invalid labels: empty label name in ${describe(wire)}`);
    if (seen.has(name)) throw new RemoteWriteError(400, `invalid labels: duplicate label name ${JSON.stringify(name)} in ${describe(wire)}`);
    seen.add(name);
  }
  const labels = normalizeLabels(wire);
  if (!labels.some((l) => l.name === METRIC_NAME)) throw new RemoteWriteError(400, `invalid labels: series ${describe(wire)} has no metric name (__name__)`);
  return labels;
}

function describe(wire: readonly WireLabel[]): string {
  return formatLabels(normalizeLabels(wire)).slice(0, 300);
}

function checkTimestamp(t: number, labels: Labels): Millis {
  if (!Number.isSafeInteger(t)) throw new RemoteWriteError(400, `invalid timestamp ${t} for series ${formatLabels(labels).slice(0, 300)}`);
  return t;
}

// Integer histograms carry bucket counts as deltas from the previous bucket.
function absoluteCounts(deltas: readonly number[]): number[] {
  let count = 0;
  return deltas.map((delta) => (count += delta));
}

const resetHints: NativeHistogram["counterResetHint"][] = ["unknown", "reset", "not_reset", "gauge"];

function spans(wire: readonly WireSpan[]): HistogramSpan[] {
  return wire.map(({ offset, length }) => ({ offset, length }));
}

function histogramOf(wire: WireHistogram): NativeHistogram {
  const isFloat = wire.countFloat !== undefined || wire.positiveCounts.length > 0 || wire.negativeCounts.length > 0;
  return {
    counterResetHint: resetHints[wire.resetHint] ?? "unknown",
    schema: wire.schema,
    zeroThreshold: wire.zeroThreshold,
    zeroCount: (isFloat ? wire.zeroCountFloat : wire.zeroCountInt) ?? 0,
    count: (isFloat ? wire.countFloat : wire.countInt) ?? 0,
    sum: wire.sum,
    positiveSpans: spans(wire.positiveSpans),
    positiveBuckets: isFloat ? wire.positiveCounts : absoluteCounts(wire.positiveDeltas),
    negativeSpans: spans(wire.negativeSpans),
    negativeBuckets: isFloat ? wire.negativeCounts : absoluteCounts(wire.negativeDeltas),
    ...(wire.customValues.length > 0 ? { customValues: wire.customValues } : {}),
  };
}

// Within one request a series' samples must go forward in time; the store refuses what is older than it holds.
function checkAscending(times: readonly number[], labels: Labels): void {
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) throw new RemoteWriteError(400, `out of order sample: timestamp ${times[i]} after ${times[i - 1]} for series ${formatLabels(labels).slice(0, 300)}`);
  }
}

const metadataTypes: MetricMetadata["type"][] = ["unknown", "counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset"];

function metadataOf(wire: WireMetadata): [string, MetricMetadata] | undefined {
  if (wire.metricFamilyName === "") return undefined;
  return [wire.metricFamilyName, { type: metadataTypes[wire.type] ?? "unknown", help: wire.help, unit: wire.unit }];
}

/** Checks a whole request before anything is appended: any bad series refuses all of it. */
export function validateWriteRequest(request: WireWriteRequest): WriteBatch {
  let sampleCount = 0;
  const series = request.timeseries.map((ts): SeriesBatch => {
    const labels = checkLabels(ts.labels);
    const samples = ts.samples.map((s) => ({ t: checkTimestamp(s.timestamp, labels), value: s.value }));
    const histograms = ts.histograms.map((h) => ({ t: checkTimestamp(h.timestamp, labels), h: histogramOf(h) }));
    checkAscending(samples.map((s) => s.t), labels);
    checkAscending(histograms.map((h) => h.t), labels);
    sampleCount += samples.length + histograms.length;
    return { labels, samples, histograms };
  });
  const metadata = request.metadata.map(metadataOf).filter((entry) => entry !== undefined);
  return { series, metadata, sampleCount };
}
