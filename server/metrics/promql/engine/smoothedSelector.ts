import type { VectorSelector } from "../ast";
import { smoothedValueAt } from "../functions/extendedRangeKernels";
import type { RangeWindow } from "../functions/rangeKernels";
import { evalMatrixSelector, upperBound } from "./selectors";
import type { EvalContext, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

/** An instant selector with `smoothed`: per step the value interpolated between the samples around the step. */
export function evalSmoothedVectorSelector(sel: VectorSelector, ctx: EvalContext): VectorValue {
  const lookback = ctx.limits.lookbackDeltaMs;
  // A range of one lookback with the smoothed modifier selects (t - lookback, t + lookback] around each step.
  const matrix = evalMatrixSelector({ kind: "matrixSelector", selector: sel, range: { kind: "durationLiteral", ms: 1, pos: sel.pos }, pos: sel.pos }, ctx);
  const steps = ctx.grid.count;
  const out: StepSeries[] = [];
  for (const s of matrix.series) {
    const r = newStepSeries(s.labels, steps);
    const w: RangeWindow = { t: s.t, v: s.v, from: 0, to: 0 };
    let any = false;
    for (let i = 0; i < steps; i++) {
      const at = matrix.windowEnds[i]!;
      w.from = upperBound(s.t, at - lookback);
      w.to = upperBound(s.t, at + lookback);
      const value = w.from < w.to ? smoothedValueAt(w, at) : undefined;
      if (value === undefined) continue;
      r.values[i] = value;
      r.present[i] = 1;
      any = true;
    }
    if (any) out.push(r);
  }
  return { type: "vector", series: out };
}
