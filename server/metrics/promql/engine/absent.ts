import { METRIC_NAME, normalizeLabels, type Label, type Labels } from "../../model/labels";
import type { Expr } from "../ast";
import type { MatrixValue, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

/** Labels of absent()'s answer: the equality matchers of a lone selector, minus names matched more than once. */
export function absentLabels(arg: Expr | undefined): Labels {
  let e = arg;
  while (e?.kind === "paren") e = e.expr;
  const selector = e?.kind === "vectorSelector" ? e : e?.kind === "matrixSelector" ? e.selector : undefined;
  if (!selector) return [];
  const labels = new Map<string, Label>();
  const seen = new Set<string>();
  for (const m of selector.matchers) {
    if (m.name === METRIC_NAME) continue;
    if (m.type === "=" && !seen.has(m.name)) labels.set(m.name, { name: m.name, value: m.value });
    else labels.delete(m.name);
    seen.add(m.name);
  }
  return normalizeLabels(labels.values());
}

/** absent(v): 1 at each step where v has no sample. */
export function absentVector(v: VectorValue, labels: Labels, steps: number): VectorValue {
  const r = newStepSeries(labels, steps);
  for (let i = 0; i < steps; i++) {
    if (v.series.some((s) => s.present[i] || s.histograms?.[i])) continue;
    r.values[i] = 1;
    r.present[i] = 1;
  }
  return { type: "vector", series: r.present.includes(1) ? [r] : [] };
}

/** absent_over_time(m[d]): 1 at each step whose window holds no sample of any series. */
export function absentOverTime(m: MatrixValue, labels: Labels, steps: number): VectorValue {
  const r: StepSeries = newStepSeries(labels, steps);
  for (let i = 0; i < steps; i++) {
    const end = m.windowEnds[i]!;
    const start = end - m.rangeMs;
    const any = m.series.some((s) => hasPointIn(s.t, start, end));
    if (any) continue;
    r.values[i] = 1;
    r.present[i] = 1;
  }
  return { type: "vector", series: r.present.includes(1) ? [r] : [] };
}

function hasPointIn(t: Float64Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.length && t[lo]! <= end;
}
