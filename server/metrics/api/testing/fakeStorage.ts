import { compareLabels, labelsFromRecord, labelValue, type Labels } from "../../model/labels";
import type { LabelMatcher, MetricMetadata, Querier, SeriesSamples, Storage } from "../../storage";

function matches(labels: Labels, m: LabelMatcher): boolean {
  const value = labelValue(labels, m.name);
  switch (m.type) {
    case "=": return value === m.value;
    case "!=": return value !== m.value;
    case "=~": return new RegExp(`^(?:${m.value})$`).test(value);
    case "!~": return !new RegExp(`^(?:${m.value})$`).test(value);
  }
}

/** A store of label sets only (no samples), enough for the series, label and metadata endpoints' tests. */
export function createFakeStorage(records: Record<string, string>[], metadata: Record<string, MetricMetadata[]> = {}): Pick<Storage, "querier" | "metadata"> {
  const all = records.map(labelsFromRecord).sort(compareLabels);
  const pick = (matchers: readonly LabelMatcher[]) => all.filter((labels) => matchers.every((m) => matches(labels, m)));
  const querier: Querier = {
    select: (matchers): SeriesSamples[] => pick(matchers).map((labels) => ({ labels, timestamps: new Float64Array(), values: new Float64Array() })),
    series: (matchers) => pick(matchers),
    labelNames: (matchers) => [...new Set(pick(matchers).flatMap((labels) => labels.map((l) => l.name)))].sort(),
    labelValues: (name, matchers) => [...new Set(pick(matchers).map((labels) => labelValue(labels, name)).filter((v) => v !== ""))].sort(),
  };
  return {
    querier: () => querier,
    metadata: (metric) => new Map(Object.entries(metadata).filter(([name]) => metric === undefined || name === metric)),
  };
}
