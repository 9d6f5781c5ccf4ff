import type { HistogramSpan, NativeHistogram } from "../model/sample";
import { formatSampleValue } from "./formatValue";

/** Boundary rules of the API's histogram buckets: 0 open left, 1 open right, 2 open both, 3 closed both. */
const enum Boundary {
  OpenLeft = 0,
  OpenRight = 1,
  ClosedBoth = 3,
}

type BucketJson = [Boundary, string, string, string];

export interface HistogramJson {
  count: string;
  sum: string;
  buckets?: BucketJson[];
}

const customBucketsSchema = -53;

// Upper bound of exponential bucket `index`: base^index with base = 2^(2^-schema).
function exponentialBound(index: number, schema: number): number {
  if (schema <= 0) return 2 ** (index * 2 ** -schema);
  const perPower = 2 ** schema;
  const power = Math.floor(index / perPower);
  return 2 ** power * 2 ** ((index - power * perPower) / perPower);
}

function customBounds(index: number, bounds: readonly number[]): [number, number] {
  return [index === 0 ? -Infinity : (bounds[index - 1] ?? Infinity), bounds[index] ?? Infinity];
}

/** Each populated bucket as [absolute index, count], following the spans' offsets. */
function populated(spans: readonly HistogramSpan[], counts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let index = 0;
  let at = 0;
  for (const span of spans) {
    index += span.offset;
    for (let i = 0; i < span.length; i++, index++, at++) out.push([index, counts[at] ?? 0]);
  }
  return out;
}

function bucket(rule: Boundary, lower: number, upper: number, count: number): BucketJson {
  return [rule, formatSampleValue(lower), formatSampleValue(upper), formatSampleValue(count)];
}

/** Buckets in ascending order as Prometheus lists them: negative, zero, positive; empty ones left out. */
function bucketsOf(h: NativeHistogram): BucketJson[] {
  const out: BucketJson[] = [];
  if (h.schema === customBucketsSchema) {
    for (const [index, count] of populated(h.positiveSpans, h.positiveBuckets)) {
      if (count === 0) continue;
      const [lower, upper] = customBounds(index, h.customValues ?? []);
      out.push(bucket(Boundary.OpenLeft, lower, upper, count));
    }
    return out;
  }
  for (const [index, count] of populated(h.negativeSpans, h.negativeBuckets).reverse()) {
    if (count !== 0) out.push(bucket(Boundary.OpenRight, -exponentialBound(index, h.schema), -exponentialBound(index - 1, h.schema), count));
  }
  if (h.zeroCount !== 0) out.push(bucket(Boundary.ClosedBoth, -h.zeroThreshold, h.zeroThreshold, h.zeroCount));
  for (const [index, count] of populated(h.positiveSpans, h.positiveBuckets)) {
    if (count !== 0) out.push(bucket(Boundary.OpenLeft, exponentialBound(index - 1, h.schema), exponentialBound(index, h.schema), count));
  }
  return out;
}

/** A native histogram as the query API writes it. */
export function histogramToJson(h: NativeHistogram): HistogramJson {
  const buckets = bucketsOf(h);
  return { count: formatSampleValue(h.count), sum: formatSampleValue(h.sum), ...(buckets.length > 0 ? { buckets } : {}) };
}
