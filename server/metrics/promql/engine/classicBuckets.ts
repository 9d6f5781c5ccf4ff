import { labelsKey, labelValue, METRIC_NAME, type Labels } from "../../model/labels";
import type { PositionRange } from "../ast";
import { quoted } from "./annotations";
import type { EvalContext, StepSeries, VectorValue } from "./types";

/** The `le` buckets of one classic histogram: one series per bucket, grouped by the other labels. */
export interface BucketGroup {
  labels: Labels;
  upperBounds: number[];
  series: StepSeries[];
}

/** Groups bucket series by their labels without `le`; a missing or malformed `le` is warned about and skipped. */
export function groupBuckets(v: VectorValue, ctx: EvalContext, pos: PositionRange): BucketGroup[] {
  const groups = new Map<string, BucketGroup>();
  for (const s of v.series) {
    const le = labelValue(s.labels, "le");
    const upper = parseBound(le);
    if (upper === undefined) {
      const name = labelValue(s.labels, METRIC_NAME);
      ctx.annotations.warn(`bucket label "le" is missing or has a malformed value of ${quoted(le)} for metric name ${quoted(name)}`, pos);
      continue;
    }
    const labels = s.labels.filter((l) => l.name !== "le");
    const key = labelsKey(labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels, upperBounds: [], series: [] }));
    g.upperBounds.push(upper);
    g.series.push(s);
  }
  return [...groups.values()];
}

/** Parses an `le` value as Go's ParseFloat does, including +Inf, Inf and NaN spellings. */
function parseBound(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const lower = t.toLowerCase();
  if (lower === "+inf" || lower === "inf" || lower === "+infinity" || lower === "infinity") return Infinity;
  if (lower === "-inf" || lower === "-infinity") return -Infinity;
  if (lower === "nan") return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?0x[0-9a-f.]+(p[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isNaN(n) ? undefined : n;
}

/** The buckets present at one step, as { upperBound, count } pairs. */
export function bucketsAt(g: BucketGroup, i: number): { upperBound: number; count: number }[] {
  const buckets: { upperBound: number; count: number }[] = [];
  for (let k = 0; k < g.series.length; k++) {
    const s = g.series[k]!;
    if (s.present[i]) buckets.push({ upperBound: g.upperBounds[k]!, count: s.values[i]! });
  }
  return buckets;
}

/** Fraction of observations in [lower, upper] of classic buckets, interpolating linearly inside a bucket. */
export function bucketFraction(lower: number, upper: number, input: { upperBound: number; count: number }[]): number {
  const buckets = [...input].sort((a, b) => a.upperBound - b.upperBound);
  const last = buckets[buckets.length - 1];
  if (!last || last.upperBound !== Infinity) return NaN;
  let max = 0;
  for (const b of buckets) b.count = max = Math.max(max, b.count);
  const total = last.count;
  if (total === 0 || Number.isNaN(lower) || Number.isNaN(upper)) return NaN;
  if (lower >= upper) return 0;
  return (rankAt(upper, buckets) - rankAt(lower, buckets)) / total;
}

function rankAt(x: number, buckets: { upperBound: number; count: number }[]): number {
  let rank = 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i]!;
    const lowerBound = i > 0 ? buckets[i - 1]!.upperBound : b.upperBound > 0 ? 0 : -Infinity;
    if (x <= b.upperBound) {
      if (x <= lowerBound) return rank;
      if (lowerBound === -Infinity || b.upperBound === Infinity) return x < b.upperBound ? rank : b.count;
      return rank + ((b.count - rank) * (x - lowerBound)) / (b.upperBound - lowerBound);
    }
    rank = b.count;
  }
  return rank;
}
