import { labelsKey, METRIC_NAME, type Labels } from "../../model/labels";
import type { AggregateExpr } from "../ast";
import type { StepSeries } from "./types";

/** The groups of an aggregation: computed once per series, since labels do not change across steps. */
export interface Grouping {
  /** Group index of each input series. */
  groupOf: Int32Array;
  labels: Labels[];
  /** Per group: its output still has a `__name__` to drop at the end (grouped by a to-be-dropped name). */
  dropName: boolean[];
  members: number[][];
}

export function groupLabelsOf(labels: Labels, names: ReadonlySet<string>, without: boolean): Labels {
  if (without) return labels.filter((l) => l.name !== METRIC_NAME && !names.has(l.name));
  return labels.filter((l) => names.has(l.name));
}

export function groupSeries(expr: AggregateExpr, series: readonly StepSeries[]): Grouping {
  const names = new Set(expr.grouping);
  const byKey = new Map<string, number>();
  const g: Grouping = { groupOf: new Int32Array(series.length), labels: [], dropName: [], members: [] };
  const keepsName = !expr.without && names.has(METRIC_NAME);
  series.forEach((s, idx) => {
    const labels = groupLabelsOf(s.labels, names, expr.without);
    const key = labelsKey(labels);
    let gi = byKey.get(key);
    if (gi === undefined) {
      gi = g.labels.length;
      byKey.set(key, gi);
      g.labels.push(labels);
      g.dropName.push(false);
      g.members.push([]);
    }
    g.groupOf[idx] = gi;
    g.members[gi]!.push(idx);
    if (keepsName && s.dropName) g.dropName[gi] = true;
  });
  return g;
}
