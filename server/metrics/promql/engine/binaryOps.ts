import type { BinaryExpr } from "../ast";
import { PromQLError } from "../values";
import { applyBinary, isComparison, isSetOperator, type ArithmeticOp, type ComparisonOp } from "./arith";
import { evalSetOperator } from "./setOperators";
import type { EvalValue, ScalarValue, StepSeries, VectorValue } from "./types";
import { newStepSeries } from "./types";
import { evalVectorBinary } from "./vectorMatching";

/** Applies a binary operator to two evaluated operands of any instant type. */
export function evalBinaryValues(expr: BinaryExpr, lhs: EvalValue, rhs: EvalValue, steps: number): EvalValue {
  if (lhs.type === "scalar" && rhs.type === "scalar") return scalarBinary(expr, lhs, rhs, steps);
  if (lhs.type === "vector" && rhs.type === "vector") {
    if (isSetOperator(expr.op)) return evalSetOperator(expr, lhs, rhs, steps);
    return evalVectorBinary(expr, lhs, rhs, steps);
  }
  if (lhs.type === "vector" && rhs.type === "scalar") return vectorScalar(expr, lhs, rhs, false, steps);
  if (lhs.type === "scalar" && rhs.type === "vector") return vectorScalar(expr, rhs, lhs, true, steps);
  throw new PromQLError("bad_data", `binary expression must contain only scalar and instant vector types`, expr.pos);
}

function scalarBinary(expr: BinaryExpr, lhs: ScalarValue, rhs: ScalarValue, steps: number): ScalarValue {
  const values = new Float64Array(steps);
  const el = { value: 0, keep: false };
  const op = expr.op as ArithmeticOp | ComparisonOp;
  for (let i = 0; i < steps; i++) {
    applyBinary(op, lhs.values[i]!, rhs.values[i]!, el);
    values[i] = isComparison(op) ? (el.keep ? 1 : 0) : el.value;
  }
  return { type: "scalar", values };
}

/** Vector and scalar: arithmetic drops the name; a comparison keeps the vector's own value where it holds. */
function vectorScalar(expr: BinaryExpr, vec: VectorValue, scalar: ScalarValue, scalarOnLeft: boolean, steps: number): VectorValue {
  if (isSetOperator(expr.op)) {
    throw new PromQLError("bad_data", `set operator "${expr.op}" not allowed in binary scalar expression`, expr.pos);
  }
  const op = expr.op as ArithmeticOp | ComparisonOp;
  const comparison = isComparison(op);
  const el = { value: 0, keep: false };
  const out: StepSeries[] = [];
  for (const s of vec.series) {
    const r = newStepSeries(s.labels, steps, !comparison || expr.returnBool || s.dropName);
    let any = false;
    for (let i = 0; i < steps; i++) {
      if (!s.present[i]) continue;
      const v = s.values[i]!;
      const c = scalar.values[i]!;
      if (scalarOnLeft) applyBinary(op, c, v, el);
      else applyBinary(op, v, c, el);
      if (expr.returnBool) r.values[i] = el.keep ? 1 : 0;
      else if (!el.keep) continue;
      else r.values[i] = comparison ? v : el.value;
      r.present[i] = 1;
      any = true;
    }
    if (any) out.push(r);
  }
  return { type: "vector", series: out };
}
