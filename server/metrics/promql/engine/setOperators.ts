import type { BinaryExpr } from "../ast";
import { groupIndices, signatureKey } from "./signatures";
import type { StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";

function presenceBySignature(series: StepSeries[], keys: string[], steps: number): Map<string, Uint8Array> {
  const presence = new Map<string, Uint8Array>();
  for (const [key, members] of groupIndices(keys)) {
    const any = new Uint8Array(steps);
    for (const m of members) {
      const p = series[m]!.present;
      const h = series[m]!.histograms;
      for (let i = 0; i < steps; i++) any[i]! |= p[i]! | (h?.[i] ? 1 : 0);
    }
    presence.set(key, any);
  }
  return presence;
}

/** `and`, `or` and `unless`: the left side's samples filtered, or completed, by the right side's signatures per step. */
export function evalSetOperator(expr: BinaryExpr, lhs: VectorValue, rhs: VectorValue, steps: number): VectorValue {
  const names = new Set(expr.matching?.matchingLabels ?? []);
  const on = expr.matching?.on ?? false;
  const lhsKeys = lhs.series.map((s) => signatureKey(s.labels, names, on));
  const rhsKeys = rhs.series.map((s) => signatureKey(s.labels, names, on));
  if (expr.op === "or") return unionOf(lhs, rhs, lhsKeys, rhsKeys, steps);
  const rhsPresence = presenceBySignature(rhs.series, rhsKeys, steps);
  const keepWhenPresent = expr.op === "and";
  const out: StepSeries[] = [];
  lhs.series.forEach((s, idx) => {
    const other = rhsPresence.get(lhsKeys[idx]!);
    const kept = filterSteps(s, other, keepWhenPresent, steps);
    if (kept) out.push(kept);
  });
  return { type: "vector", series: out };
}

function filterSteps(s: StepSeries, other: Uint8Array | undefined, keepWhenPresent: boolean, steps: number): StepSeries | undefined {
  if (other === undefined) return keepWhenPresent ? undefined : s;
  const out = newStepSeries(s.labels, steps, s.dropName);
  let any = false;
  for (let i = 0; i < steps; i++) {
    if ((other[i] === 1) !== keepWhenPresent) continue;
    const histogram = s.histograms?.[i];
    if (histogram) (out.histograms ??= new Array(steps))[i] = histogram;
    else if (s.present[i]) {
      out.values[i] = s.values[i]!;
      out.present[i] = 1;
    } else continue;
    any = true;
  }
  return any ? out : undefined;
}

function unionOf(lhs: VectorValue, rhs: VectorValue, lhsKeys: string[], rhsKeys: string[], steps: number): VectorValue {
  const lhsPresence = presenceBySignature(lhs.series, lhsKeys, steps);
  const out: StepSeries[] = [...lhs.series];
  rhs.series.forEach((s, idx) => {
    const kept = filterSteps(s, lhsPresence.get(rhsKeys[idx]!), false, steps);
    if (kept) out.push(kept);
  });
  return { type: "vector", series: out };
}
