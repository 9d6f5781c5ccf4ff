import { labelsKey, normalizeLabels, type Labels } from "../../model/labels";
import type { AggregateExpr } from "../ast";
import { PromQLError } from "../values";
import { formatGoFloatFixed } from "./format";
import { groupSeries } from "./grouping";
import type { StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label name Prometheus 3 accepts: any valid UTF-8 text that is not empty. */
export function isValidLabelName(name: string): boolean {
  if (name === "") return false;
  if (LABEL_NAME.test(name)) return true;
  return !/[\uD800-\uDFFF]/.test(name.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")) && !name.includes("\uFFFD");
}

/** count_values("label", v): per group and step, how many series hold each value, the value as a label. */
export function evalCountValues(expr: AggregateExpr, input: VectorValue, label: string, steps: number): VectorValue {
  if (!isValidLabelName(label)) throw new PromQLError("execution", `invalid label name ${JSON.stringify(label)}`);
  const grouping = groupSeries(expr, input.series);
  const outputs = new Map<string, StepSeries>();
  grouping.members.forEach((members, gi) => {
    const base = grouping.labels[gi]!.filter((l) => l.name !== label);
    for (const m of members) {
      const s = input.series[m]!;
      for (let i = 0; i < steps; i++) {
        if (!s.present[i]) continue;
        const labels: Labels = normalizeLabels([...base, { name: label, value: formatGoFloatFixed(s.values[i]!) }]);
        const key = labelsKey(labels);
        let r = outputs.get(key);
        if (!r) outputs.set(key, (r = newStepSeries(labels, steps)));
        r.values[i]! += 1;
        r.present[i] = 1;
      }
    }
  });
  return { type: "vector", series: [...outputs.values()] };
}
