/** One classic-histogram bucket: its `le` bound and the cumulative count up to it. */
export interface Bucket {
  upperBound: number;
  count: number;
}

export interface BucketQuantile {
  value: number;
  /** Counts decreased somewhere along the bounds and were raised to keep them monotonic. */
  forcedMonotonic: boolean;
}

// Relative difference below which neighbouring counts are treated as float noise, not a decrease.
const SMALL_DELTA_TOLERANCE = 1e-12;
const MIN_NORMAL = 2.2250738585072014e-308;

function almostEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < SMALL_DELTA_TOLERANCE * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < SMALL_DELTA_TOLERANCE;
}

/** Sorted copy with equal bounds merged, or undefined when there is no +Inf bucket. */
function normalizeBuckets(buckets: readonly Bucket[]): Bucket[] | undefined {
  const sorted = buckets.map((b) => ({ upperBound: b.upperBound, count: b.count }));
  sorted.sort((a, b) => a.upperBound - b.upperBound);
  if (sorted.length === 0 || sorted[sorted.length - 1]?.upperBound !== Infinity) return undefined;
  const merged: Bucket[] = [];
  for (const b of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.upperBound === b.upperBound) last.count += b.count;
    else merged.push(b);
  }
  return merged;
}

/**
 * Makes counts non-decreasing in place: float-noise differences are silently evened out, real
 * decreases are raised to the running maximum; returns whether a real decrease was found.
 */
function forceMonotonic(buckets: Bucket[]): boolean {
  let forced = false;
  let prev = buckets[0]?.count ?? 0;
  for (let i = 1; i < buckets.length; i++) {
    const bucket = buckets[i] as Bucket;
    if (bucket.count === prev) continue;
    if (almostEqual(prev, bucket.count)) {
      bucket.count = prev;
    } else if (bucket.count < prev) {
      bucket.count = prev;
      forced = true;
    } else {
      prev = bucket.count;
    }
  }
  return forced;
}

/** Index of the first bucket whose count reaches `rank`, searching all but the +Inf bucket. */
function firstBucketReaching(buckets: Bucket[], rank: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((buckets[mid] as Bucket).count >= rank) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * histogram_quantile over classic buckets, interpolating linearly inside the bucket that holds
 * the rank. The lowest bucket starts at 0 when its bound is positive (else its bound is the
 * answer); a rank in the +Inf bucket gives the highest finite bound. NaN without a +Inf bucket,
 * with fewer than two bounds or no observations; ±Inf for q outside [0, 1].
 */
export function bucketQuantile(q: number, buckets: readonly Bucket[]): BucketQuantile {
  if (Number.isNaN(q)) return { value: NaN, forcedMonotonic: false };
  if (q < 0) return { value: -Infinity, forcedMonotonic: false };
  if (q > 1) return { value: Infinity, forcedMonotonic: false };
  const merged = normalizeBuckets(buckets);
  if (!merged) return { value: NaN, forcedMonotonic: false };
  const forcedMonotonic = forceMonotonic(merged);
  const observations = (merged[merged.length - 1] as Bucket).count;
  if (merged.length < 2 || observations === 0) return { value: NaN, forcedMonotonic: false };

  const rank = q * observations;
  const b = firstBucketReaching(merged, rank);
  if (b === merged.length - 1) return { value: (merged[b - 1] as Bucket).upperBound, forcedMonotonic };
  const bucket = merged[b] as Bucket;
  if (b === 0 && bucket.upperBound <= 0) return { value: bucket.upperBound, forcedMonotonic };
  const below = b > 0 ? (merged[b - 1] as Bucket) : { upperBound: 0, count: 0 };
  const share = (rank - below.count) / (bucket.count - below.count);
  return { value: below.upperBound + (bucket.upperBound - below.upperBound) * share, forcedMonotonic };
}

/**
 * Observations at or below `x`, interpolating linearly inside finite buckets. The lowest bucket
 * starts at 0 when its bound is positive; observations of a bucket reaching to ±Inf are taken
 * to sit at that infinity, so a bucket of infinite width is never interpolated.
 */
function rankAt(x: number, buckets: Bucket[]): number {
  let countBelow = 0;
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i] as Bucket;
    const upper = bucket.upperBound;
    const lower = i > 0 ? (buckets[i - 1] as Bucket).upperBound : upper > 0 ? 0 : -Infinity;
    if (x <= lower) return countBelow;
    if (x < upper) {
      if (lower === -Infinity) return bucket.count;
      if (upper === Infinity) return countBelow;
      return countBelow + ((bucket.count - countBelow) * (x - lower)) / (upper - lower);
    }
    countBelow = bucket.count;
  }
  return countBelow;
}

/**
 * histogram_fraction over classic buckets: the share of observations between `lower` and
 * `upper`. NaN without a +Inf bucket, without observations or for a NaN bound; 0 when
 * lower >= upper.
 */
export function bucketFraction(lower: number, upper: number, buckets: readonly Bucket[]): number {
  const merged = normalizeBuckets(buckets);
  if (!merged) return NaN;
  forceMonotonic(merged);
  const total = (merged[merged.length - 1] as Bucket).count;
  if (total === 0 || Number.isNaN(lower) || Number.isNaN(upper)) return NaN;
  if (lower >= upper) return 0;
  const lowerRank = Math.min(rankAt(lower, merged), total);
  const upperRank = Math.min(rankAt(upper, merged), total);
  return (upperRank - lowerRank) / total;
}
