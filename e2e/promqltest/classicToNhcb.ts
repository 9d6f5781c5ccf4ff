import { labelsKey, labelValue, METRIC_NAME, type Labels } from "@/server/metrics/model/labels";
import type { Millis, NativeHistogram } from "@/server/metrics/model/sample";
import type { LoadCommand } from "./scriptTypes";

/** Native histograms with custom buckets (schema -53), as load_with_nhcb adds them beside the classic series. */
export const CUSTOM_BUCKETS_SCHEMA = -53;

interface ClassicPoint {
  buckets: Map<number, number>;
  count?: number;
  sum?: number;
}

interface ClassicFamily {
  labels: Labels;
  points: Map<Millis, ClassicPoint>;
}

const SUFFIXES = ["_bucket", "_count", "_sum"] as const;

/** Gathers `x_bucket{le}`, `x_count` and `x_sum` float series of a load into one histogram series `x` per label set, per timestamp. */
export function convertClassicToNhcb(load: LoadCommand): { labels: Labels; samples: { t: Millis; h: NativeHistogram }[] }[] {
  const families = new Map<string, ClassicFamily>();
  for (const series of load.series) {
    const name = labelValue(series.labels, METRIC_NAME);
    const suffix = SUFFIXES.find((s) => name.endsWith(s));
    if (!suffix) continue;
    const le = suffix === "_bucket" ? Number(labelValue(series.labels, "le")) : undefined;
    if (suffix === "_bucket" && (labelValue(series.labels, "le") === "" || Number.isNaN(le))) continue;
    const family = familyOf(families, series.labels, name.slice(0, -suffix.length));
    series.values.forEach((value, i) => {
      if (value.kind !== "float") return;
      const point = pointAt(family, i * load.intervalMs);
      if (suffix === "_bucket") point.buckets.set(le!, value.value);
      else if (suffix === "_count") point.count = value.value;
      else point.sum = value.value;
    });
  }
  return [...families.values()].map((family) => ({
    labels: family.labels,
    samples: [...family.points].sort(([a], [b]) => a - b).map(([t, point]) => ({ t, h: toHistogram(point) })),
  }));
}

function familyOf(families: Map<string, ClassicFamily>, labels: Labels, baseName: string): ClassicFamily {
  const base = labels.filter((l) => l.name !== "le").map((l) => (l.name === METRIC_NAME ? { name: METRIC_NAME, value: baseName } : l));
  const key = labelsKey(base);
  let family = families.get(key);
  if (!family) families.set(key, (family = { labels: base, points: new Map() }));
  return family;
}

function pointAt(family: ClassicFamily, t: Millis): ClassicPoint {
  let point = family.points.get(t);
  if (!point) family.points.set(t, (point = { buckets: new Map() }));
  return point;
}

/** Cumulative `le` counts become per-bucket counts; a missing +Inf bucket takes the count (or the last bucket's count). */
function toHistogram(point: ClassicPoint): NativeHistogram {
  const bounds = [...point.buckets.keys()].sort((a, b) => a - b);
  const cumulative = bounds.map((le) => point.buckets.get(le)!);
  if (bounds[bounds.length - 1] !== Infinity) {
    bounds.push(Infinity);
    cumulative.push(point.count ?? cumulative[cumulative.length - 1] ?? 0);
  }
  const counts = cumulative.map((c, i) => c - (i === 0 ? 0 : cumulative[i - 1]!));
  return {
    counterResetHint: "unknown",
    schema: CUSTOM_BUCKETS_SCHEMA,
    zeroThreshold: 0,
    zeroCount: 0,
    count: point.count ?? cumulative[cumulative.length - 1]!,
    sum: point.sum ?? 0,
    positiveSpans: [{ offset: 0, length: counts.length }],
    positiveBuckets: counts,
    negativeSpans: [],
    negativeBuckets: [],
    customValues: bounds.slice(0, -1),
  };
}
