import type { HistogramSpan } from "@/server/metrics/model/sample";

/** One bucket of a native histogram: its absolute index in the schema and its count. */
export interface IndexedBucket {
  index: number;
  count: number;
}

/** Expands spans (offsets relative to the previous span's end) into absolute bucket indexes. */
export function expandBuckets(spans: readonly HistogramSpan[], counts: readonly number[]): IndexedBucket[] {
  const out: IndexedBucket[] = [];
  let index = 0;
  let k = 0;
  for (const span of spans) {
    index += span.offset;
    for (let j = 0; j < span.length; j++) out.push({ index: index + j, count: counts[k++] ?? 0 });
    index += span.length;
  }
  return out;
}

/** Packs buckets (any order, one per index) back into spans: one span per run of consecutive indexes. */
export function packBuckets(buckets: readonly IndexedBucket[]): { spans: HistogramSpan[]; counts: number[] } {
  const sorted = [...buckets].sort((a, b) => a.index - b.index);
  const spans: HistogramSpan[] = [];
  const counts: number[] = [];
  let nextIndex = 0;
  for (const b of sorted) {
    const last = spans[spans.length - 1];
    if (last && b.index === nextIndex) last.length++;
    else spans.push({ offset: b.index - nextIndex, length: 1 });
    counts.push(b.count);
    nextIndex = b.index + 1;
  }
  return { spans, counts };
}

/** Buckets with a non-zero count, as Prometheus's Compact(0) leaves them before comparing. */
export function nonEmptyBuckets(spans: readonly HistogramSpan[], counts: readonly number[]): IndexedBucket[] {
  return expandBuckets(spans, counts).filter((b) => b.count !== 0);
}

/** Moves a bucket index to a coarser schema: each step down merges pairs of buckets. */
export function coarsenIndex(index: number, fromSchema: number, toSchema: number): number {
  if (toSchema >= fromSchema) return index;
  return ((index - 1) >> (fromSchema - toSchema)) + 1;
}

/** Adds `sign * b` bucket by bucket into `a`'s index space after moving `b` to `schema`. */
export function combineBuckets(a: readonly IndexedBucket[], b: readonly IndexedBucket[], bSchema: number, schema: number, sign: 1 | -1): IndexedBucket[] {
  const byIndex = new Map<number, number>();
  for (const x of a) byIndex.set(x.index, (byIndex.get(x.index) ?? 0) + x.count);
  for (const x of b) {
    const index = coarsenIndex(x.index, bSchema, schema);
    byIndex.set(index, (byIndex.get(index) ?? 0) + sign * x.count);
  }
  return [...byIndex].map(([index, count]) => ({ index, count }));
}
