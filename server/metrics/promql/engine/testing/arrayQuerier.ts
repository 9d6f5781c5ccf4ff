import { compareLabels, labelsFromRecord, labelValue, type Labels } from "../../../model/labels";
import { STALE_NAN } from "../../../model/sample";
import type { LabelMatcher, Querier, SeriesSamples } from "../../../storage";

/** Written instead of a value for a stale marker: V8 does not keep NaN payloads in plain arrays. */
export const STALE = "stale";

interface StoredSeries {
  labels: Labels;
  points: [number, number][];
  stale: Set<number>;
}

function matches(labels: Labels, m: LabelMatcher): boolean {
  const value = labelValue(labels, m.name);
  switch (m.type) {
    case "=": return value === m.value;
    case "!=": return value !== m.value;
    case "=~": return new RegExp(`^(?:${m.value})$`, "s").test(value);
    case "!~": return !new RegExp(`^(?:${m.value})$`, "s").test(value);
  }
}

/** A tiny in-memory Querier for evaluator tests: series given as label records and [t, v] points. */
export function arrayQuerier(data: { labels: Record<string, string>; points: [number, number][]; stale?: number[] }[]): Querier {
  const stored: StoredSeries[] = data
    .map((d) => ({ labels: labelsFromRecord(d.labels), points: [...d.points].sort((a, b) => a[0] - b[0]), stale: new Set(d.stale) }))
    .sort((a, b) => compareLabels(a.labels, b.labels));
  const pick = (matchers: readonly LabelMatcher[]) => stored.filter((s) => matchers.every((m) => matches(s.labels, m)));
  return {
    select(matchers, mint, maxt): SeriesSamples[] {
      return pick(matchers)
        .map((s) => {
          const inside = s.points.filter(([t]) => t >= mint && t <= maxt);
          const values = new Float64Array(inside.length);
          inside.forEach((p, i) => (values[i] = s.stale.has(p[0]) ? STALE_NAN : p[1]));
          return { labels: s.labels, timestamps: Float64Array.from(inside, (p) => p[0]), values };
        })
        .filter((s) => s.timestamps.length > 0);
    },
    series: (matchers) => pick(matchers).map((s) => s.labels),
    labelNames: () => [...new Set(stored.flatMap((s) => s.labels.map((l) => l.name)))].sort(),
    labelValues: (name) => [...new Set(stored.map((s) => labelValue(s.labels, name)).filter((v) => v !== ""))].sort(),
  };
}

/** Points every `intervalMs` from 0: numbers, STALE for a stale marker, or undefined for a gap. */
export function series(labels: Record<string, string>, intervalMs: number, values: (number | typeof STALE | undefined)[]) {
  const points: [number, number][] = [];
  const stale: number[] = [];
  values.forEach((v, i) => {
    if (v === undefined) return;
    points.push([i * intervalMs, v === STALE ? 0 : v]);
    if (v === STALE) stale.push(i * intervalMs);
  });
  return { labels, points, stale };
}
