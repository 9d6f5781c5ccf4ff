import type { LabelMatcher } from "../../../storage";
import type { AggregateExpr, AggregateOp, BinaryExpr, BinaryOp, Call, Expr, MatrixSelector, NumberLiteral, VectorMatching, VectorSelector } from "../../ast";

const pos = { start: 0, end: 0 };

/** Small AST builders for evaluator tests that do not go through the parser. */
export function sel(name: string, labels: Record<string, string> = {}, extra: Partial<VectorSelector> = {}): VectorSelector {
  const matchers: LabelMatcher[] = Object.entries(labels).map(([n, value]) => ({ type: "=", name: n, value }));
  if (name) matchers.unshift({ type: "=", name: "__name__", value: name });
  return { kind: "vectorSelector", name, matchers, pos, ...extra };
}

export function range(selector: VectorSelector, ms: number): MatrixSelector {
  return { kind: "matrixSelector", selector, range: { kind: "durationLiteral", ms, pos }, pos };
}

export function num(value: number): NumberLiteral {
  return { kind: "number", value, pos };
}

export function str(value: string): Expr {
  return { kind: "string", value, pos };
}

export function call(func: string, ...args: Expr[]): Call {
  return { kind: "call", func, args, pos };
}

export function agg(op: AggregateOp, expr: Expr, grouping: string[] = [], without = false, param?: Expr): AggregateExpr {
  return { kind: "aggregate", op, expr, grouping, without, pos, ...(param ? { param } : {}) };
}

export function bin(op: BinaryOp, lhs: Expr, rhs: Expr, matching?: Partial<VectorMatching>, returnBool = false): BinaryExpr {
  const full: VectorMatching = { card: "one-to-one", matchingLabels: [], on: false, include: [], ...matching };
  const vectors = lhs.kind !== "number" && rhs.kind !== "number";
  return { kind: "binary", op, lhs, rhs, returnBool, pos, ...(vectors ? { matching: full } : {}) };
}
