import type { BinaryExpr, BinaryOp, ValueType } from "../ast";
import { goQuote } from "./strings";
import { ParseProblem } from "./parseError";

const COMPARISONS = new Set<BinaryOp>(["==", "!=", ">", "<", ">=", "<="]);
const SET_OPERATORS = new Set<BinaryOp>(["and", "or", "unless"]);

export function isComparison(op: BinaryOp): boolean {
  return COMPARISONS.has(op);
}

export function isSetOperator(op: BinaryOp): boolean {
  return SET_OPERATORS.has(op);
}

/** Prometheus's rules for a binary operator's operands and modifiers; drops matching that does not apply. */
export function checkBinary(expr: BinaryExpr, lhsType: ValueType, rhsType: ValueType, query: string): void {
  const opPos = operatorRange(expr, query);
  if (expr.returnBool && !isComparison(expr.op)) throw new ParseProblem("bool modifier can only be used on comparison operators", opPos);
  if (isComparison(expr.op) && !expr.returnBool && lhsType === "scalar" && rhsType === "scalar") {
    throw new ParseProblem("comparisons between scalars must use BOOL modifier", opPos);
  }
  const matching = expr.matching;
  if (matching?.on) {
    const both = matching.matchingLabels.find((label) => matching.include.includes(label));
    if (both !== undefined) throw new ParseProblem(`label ${goQuote(both)} must not occur in ON and GROUP clause at once`, opPos);
  }
  if (lhsType !== "scalar" && lhsType !== "vector") throw new ParseProblem("binary expression must contain only scalar and instant vector types", expr.lhs.pos);
  if (rhsType !== "scalar" && rhsType !== "vector") throw new ParseProblem("binary expression must contain only scalar and instant vector types", expr.rhs.pos);
  const fills = matching !== undefined && (matching.fillLeft !== undefined || matching.fillRight !== undefined);
  if (lhsType !== "vector" || rhsType !== "vector") {
    if (matching && matching.matchingLabels.length > 0) throw new ParseProblem("vector matching only allowed between instant vectors", expr.pos);
    if (fills) throw new ParseProblem("filling in missing series only allowed between instant vectors", expr.pos);
    delete expr.matching;
  } else if (!matching) {
    expr.matching = { card: isSetOperator(expr.op) ? "many-to-many" : "one-to-one", matchingLabels: [], on: false, include: [] };
  } else if (isSetOperator(expr.op)) {
    if (matching.card === "one-to-many" || matching.card === "many-to-one") {
      throw new ParseProblem(`no grouping allowed for ${goQuote(expr.op)} operation`, expr.pos);
    }
    if (fills) throw new ParseProblem("filling in missing series not allowed for set operators", expr.pos);
  }
  if ((lhsType === "scalar" || rhsType === "scalar") && isSetOperator(expr.op)) {
    throw new ParseProblem(`set operator ${goQuote(expr.op)} not allowed in binary scalar expression`, expr.pos);
  }
}

/** The operator and its modifiers between the operands, without the surrounding spaces. */
function operatorRange(expr: BinaryExpr, query: string): { start: number; end: number } {
  let start = expr.lhs.pos.end;
  let end = expr.rhs.pos.start - 1;
  while (start < end && /\s/.test(query[start] ?? "")) start++;
  while (end > start && /\s/.test(query[end] ?? "")) end--;
  return { start, end };
}
