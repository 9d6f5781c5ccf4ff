import type { NativeHistogram } from "@/server/metrics/model/sample";
import { almostEqual } from "./almostEqual";
import { nonEmptyBuckets, type IndexedBucket } from "./histogramBuckets";

const CUSTOM_BUCKETS_SCHEMA = -53;

/**
 * Compares as promqltest does after compacting both sides: schema and zero threshold exactly, counts and sums within
 * epsilon, the same non-empty buckets, custom bounds when expected, and the counter reset hint only when the script wrote one.
 */
export function histogramsMatch(expected: NativeHistogram, actual: NativeHistogram, counterResetHintSet: boolean): boolean {
  if (expected.schema !== actual.schema) return false;
  if (!almostEqual(expected.count, actual.count) || !almostEqual(expected.sum, actual.sum)) return false;
  if (expected.schema === CUSTOM_BUCKETS_SCHEMA && !boundsMatch(expected.customValues ?? [], actual.customValues ?? [])) return false;
  if (expected.zeroThreshold !== actual.zeroThreshold || !almostEqual(expected.zeroCount, actual.zeroCount)) return false;
  if (!bucketsMatch(nonEmptyBuckets(expected.negativeSpans, expected.negativeBuckets), nonEmptyBuckets(actual.negativeSpans, actual.negativeBuckets))) return false;
  if (!bucketsMatch(nonEmptyBuckets(expected.positiveSpans, expected.positiveBuckets), nonEmptyBuckets(actual.positiveSpans, actual.positiveBuckets))) return false;
  return !counterResetHintSet || expected.counterResetHint === actual.counterResetHint;
}

function boundsMatch(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((bound, i) => bound === b[i]);
}

function bucketsMatch(a: readonly IndexedBucket[], b: readonly IndexedBucket[]): boolean {
  return a.length === b.length && a.every((bucket, i) => bucket.index === b[i]!.index && almostEqual(bucket.count, b[i]!.count));
}
