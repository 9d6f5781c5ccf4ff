import { labelValue, METRIC_NAME, normalizeLabels } from "../../model/labels";
import type { Call } from "../ast";
import { bucketQuantile } from "../functions/instantKernels";
import { PromQLError } from "../values";
import { quoted } from "./annotations";
import { bucketFraction, bucketsAt, groupBuckets, type BucketGroup } from "./classicBuckets";
import { isValidLabelName } from "./countValues";
import { warnOnQuantileRange } from "./quantileAggregation";
import type { EvalContext, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

const MONOTONICITY =
  "input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for metric name";

/** histogram_quantile(q, buckets) over classic `le` buckets. */
export function histogramQuantile(call: Call, q: Float64Array, v: VectorValue, ctx: EvalContext): VectorValue {
  warnOnQuantileRange(q, { param: call.args[0], pos: call.pos }, ctx);
  const vectorPos = call.args[1]?.pos ?? call.pos;
  const out = groupBuckets(v, ctx, vectorPos).map((g) => quantileSeries(g, g.labels, (i) => q[i]!, ctx, vectorPos));
  return { type: "vector", series: out.filter((s): s is StepSeries => s !== undefined) };
}

function quantileSeries(g: BucketGroup, labels: StepSeries["labels"], qAt: (i: number) => number, ctx: EvalContext, pos: Call["pos"]): StepSeries | undefined {
  const steps = ctx.grid.count;
  const r = newStepSeries(labels, steps, true);
  let any = false;
  for (let i = 0; i < steps; i++) {
    const buckets = bucketsAt(g, i);
    if (buckets.length === 0) continue;
    const { value, forcedMonotonic } = bucketQuantile(qAt(i), buckets);
    if (forcedMonotonic) ctx.annotations.info(`${MONOTONICITY} ${quoted(labelValue(g.labels, METRIC_NAME))}`, pos);
    r.values[i] = value;
    r.present[i] = 1;
    any = true;
  }
  return any ? r : undefined;
}

/** Go's text of a quantile for the label of histogram_quantiles: always with a decimal point. */
function quantileLabel(q: number): string {
  if (Number.isInteger(q)) return q.toFixed(1);
  return String(q);
}

/** histogram_quantiles(buckets, "label", q1, q2, ...): one output series per quantile, labelled with it. */
export function histogramQuantiles(call: Call, v: VectorValue, label: string, qs: Float64Array[], ctx: EvalContext): VectorValue {
  if (!isValidLabelName(label)) throw new PromQLError("execution", `invalid label name ${quoted(label)}`, call.pos);
  const vectorPos = call.args[0]?.pos ?? call.pos;
  qs.forEach((q, k) => warnOnQuantileRange(q, { param: call.args[k + 2], pos: call.pos }, ctx));
  const out: StepSeries[] = [];
  for (const g of groupBuckets(v, ctx, vectorPos)) {
    if (g.labels.some((l) => l.name === label)) {
      throw new PromQLError("execution", `label ${quoted(label)} already exists in the input series of histogram_quantiles`, call.pos);
    }
    for (const q of qs) {
      const labels = normalizeLabels([...g.labels, { name: label, value: quantileLabel(q[0]!) }]);
      const s = quantileSeries(g, labels, (i) => q[i]!, ctx, vectorPos);
      if (s) out.push(s);
    }
  }
  return { type: "vector", series: out };
}

/** histogram_fraction(lower, upper, buckets) over classic `le` buckets. */
export function histogramFraction(call: Call, lower: Float64Array, upper: Float64Array, v: VectorValue, ctx: EvalContext): VectorValue {
  const steps = ctx.grid.count;
  const out: StepSeries[] = [];
  for (const g of groupBuckets(v, ctx, call.args[2]?.pos ?? call.pos)) {
    const r = newStepSeries(g.labels, steps, true);
    let any = false;
    for (let i = 0; i < steps; i++) {
      const buckets = bucketsAt(g, i);
      if (buckets.length === 0) continue;
      r.values[i] = bucketFraction(lower[i]!, upper[i]!, buckets);
      r.present[i] = 1;
      any = true;
    }
    if (any) out.push(r);
  }
  return { type: "vector", series: out };
}
