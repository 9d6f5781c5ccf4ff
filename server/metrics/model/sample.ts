/** Prometheus's staleness marker: a NaN with a payload that ordinary arithmetic never produces. */
const staleBits = new DataView(new ArrayBuffer(8));
staleBits.setUint32(0, 0x7ff00000);
staleBits.setUint32(4, 0x00000002);
export const STALE_NAN: number = staleBits.getFloat64(0);

/** True only for the stale marker, not for an ordinary NaN sample. */
export function isStaleNaN(value: number): boolean {
  if (!Number.isNaN(value)) return false;
  staleBits.setFloat64(0, value);
  return staleBits.getUint32(0) === 0x7ff00000 && staleBits.getUint32(4) === 0x00000002;
}

/** One span of consecutive buckets in a native histogram. */
export interface HistogramSpan {
  offset: number;
  length: number;
}

/** A native histogram sample in float form (Prometheus's FloatHistogram); integer ones are converted on load. */
export interface NativeHistogram {
  counterResetHint: "unknown" | "reset" | "not_reset" | "gauge";
  schema: number;
  zeroThreshold: number;
  zeroCount: number;
  count: number;
  sum: number;
  positiveSpans: HistogramSpan[];
  positiveBuckets: number[];
  negativeSpans: HistogramSpan[];
  negativeBuckets: number[];
  /** Upper bounds of custom buckets (schema -53, NHCB). */
  customValues?: number[];
}

/** Timestamps are milliseconds since the epoch throughout the metrics engine, as in Prometheus. */
export type Millis = number;
