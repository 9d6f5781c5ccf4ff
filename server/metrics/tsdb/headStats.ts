import type { LabelMatcher } from "../storage";
import type { Head } from "./head";
import type { MemSeries } from "./memSeries";

export interface Stat {
  name: string;
  value: number;
}

/** Prometheus's /api/v1/status/tsdb body over the head; the times are null while the head holds no sample. */
export interface TsdbStatus {
  headStats: { numSeries: number; numLabelPairs: number; chunkCount: number; minTime: number | null; maxTime: number | null };
  seriesCountByMetricName: Stat[];
  labelValueCountByLabelName: Stat[];
  memoryInBytesByLabelName: Stat[];
  seriesCountByLabelValuePair: Stat[];
}

/** Cardinality of the head (or of the series the matchers select), each list cut to its `limit` largest. */
export function headStats(head: Head, limit: number, matchers: readonly LabelMatcher[] = []): TsdbStatus {
  const series = matchers.length === 0 ? [...head.allSeries()] : head.matching(matchers);
  const byMetric = new Map<string, number>();
  const byPair = new Map<string, number>();
  const valuesByName = new Map<string, Set<string>>();
  let chunkCount = 0;
  let minTime = Infinity;
  let maxTime = -Infinity;
  for (const s of series) {
    chunkCount += chunksOf(s);
    minTime = Math.min(minTime, s.mint());
    if (!s.isEmpty()) maxTime = Math.max(maxTime, s.lastT);
    for (const { name, value } of head.labelsOf(s)) {
      if (name === "__name__") bump(byMetric, value);
      bump(byPair, `${name}=${value}`);
      let values = valuesByName.get(name);
      if (!values) valuesByName.set(name, (values = new Set()));
      values.add(value);
    }
  }
  const memory = new Map([...valuesByName].map(([name, values]) => [name, [...values].reduce((n, v) => n + Buffer.byteLength(v), 0)]));
  return {
    headStats: {
      numSeries: series.length,
      numLabelPairs: byPair.size,
      chunkCount,
      minTime: minTime === Infinity ? null : minTime,
      maxTime: maxTime === -Infinity ? null : maxTime,
    },
    seriesCountByMetricName: top(byMetric, limit),
    labelValueCountByLabelName: top(new Map([...valuesByName].map(([name, values]) => [name, values.size])), limit),
    memoryInBytesByLabelName: top(memory, limit),
    seriesCountByLabelValuePair: top(byPair, limit),
  };
}

// Native histograms are kept as a list, not in chunks; a series holding some counts as one more chunk.
function chunksOf(series: MemSeries): number {
  return series.chunks.length + (series.open ? 1 : 0) + ((series.histograms?.length ?? 0) > 0 ? 1 : 0);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Largest first; ties by name, so the answer does not depend on insertion order. */
function top(counts: Map<string, number>, limit: number): Stat[] {
  return [...counts]
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}
