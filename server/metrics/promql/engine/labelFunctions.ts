import { labelsKey, labelValue, METRIC_NAME, normalizeLabels, type Labels } from "../../model/labels";
import type { Call } from "../ast";
import { PromQLError } from "../values";
import { isValidLabelName } from "./countValues";
import { compileAnchored, expandTemplate } from "./regex";
import type { StepSeries, VectorValue } from "./types";

function withLabel(labels: Labels, name: string, value: string): Labels {
  return normalizeLabels([...labels.filter((l) => l.name !== name), { name, value }]);
}

/** label_replace(v, dst, replacement, src, regex). */
export function labelReplace(call: Call, v: VectorValue, strings: string[], steps: number): VectorValue {
  const [dst = "", replacement = "", src = "", regexText = ""] = strings;
  const regex = compileAnchored(regexText);
  if (!regex) throw new PromQLError("execution", `invalid regular expression in label_replace(): ${regexText}`, call.pos);
  if (!isValidLabelName(dst)) throw new PromQLError("execution", `invalid destination label name in label_replace(): ${dst}`, call.pos);
  const series = v.series.map((s) => {
    const match = regex.exec(labelValue(s.labels, src));
    const dropName = dst === METRIC_NAME ? false : s.dropName;
    if (!match) return { ...s, dropName };
    return { ...s, labels: withLabel(s.labels, dst, expandTemplate(replacement, match)), dropName };
  });
  return { type: "vector", series: mergeSameLabels(series, steps) };
}

/** label_join(v, dst, separator, src...). */
export function labelJoin(call: Call, v: VectorValue, strings: string[], steps: number): VectorValue {
  const [dst = "", separator = "", ...sources] = strings;
  if (!isValidLabelName(dst)) throw new PromQLError("execution", `invalid destination label name in label_join(): ${dst}`, call.pos);
  for (const src of sources) {
    if (!isValidLabelName(src)) throw new PromQLError("execution", `invalid source label name in label_join(): ${src}`, call.pos);
  }
  const series = v.series.map((s) => {
    const joined = sources.map((src) => labelValue(s.labels, src)).join(separator);
    return { ...s, labels: withLabel(s.labels, dst, joined), dropName: dst === METRIC_NAME ? false : s.dropName };
  });
  return { type: "vector", series: mergeSameLabels(series, steps) };
}

/** Series that now share labels become one; two samples at one step are Prometheus's labelset error. */
export function mergeSameLabels(series: StepSeries[], steps: number): StepSeries[] {
  const byKey = new Map<string, StepSeries>();
  for (const s of series) {
    const key = labelsKey(s.labels) + (s.dropName ? "\x01" : "");
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, s);
      continue;
    }
    const merged = { ...seen, values: seen.values.slice(), present: seen.present.slice() };
    for (let i = 0; i < steps; i++) {
      if (!s.present[i]) continue;
      if (merged.present[i]) throw new PromQLError("execution", "vector cannot contain metrics with the same labelset");
      merged.values[i] = s.values[i]!;
      merged.present[i] = 1;
    }
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}
