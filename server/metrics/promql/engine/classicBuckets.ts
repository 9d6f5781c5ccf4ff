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
