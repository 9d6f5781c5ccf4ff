import type { AtModifier, DurationExpr, Expr, PositionRange, SubqueryExpr, VectorSelector } from "../ast";
import { ParseProblem } from "./parseError";

type Modifiable = VectorSelector | SubqueryExpr;

/** The node an offset or @ lands on: a selector (inside a range too) or a subquery. */
function modifiableTarget(expr: Expr): Modifiable | undefined {
  if (expr.kind === "vectorSelector" || expr.kind === "subquery") return expr;
  if (expr.kind === "matrixSelector") return expr.selector;
  return undefined;
}

export function applyOffset(expr: Expr, offset: DurationExpr, pos: PositionRange): void {
  const target = modifiableTarget(expr);
  if (!target) throw new ParseProblem("offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", pos);
  if (target.offset) throw new ParseProblem("offset may not be set multiple times", pos);
  target.offset = offset;
  extendTo(expr, pos.end);
}

export function applyAt(expr: Expr, at: AtModifier, pos: PositionRange): void {
  const target = modifiableTarget(expr);
  if (!target) throw new ParseProblem("@ modifier must be preceded by an instant vector selector or range vector selector or a subquery", pos);
  if (target.at) throw new ParseProblem("@ <timestamp> may not be set multiple times", pos);
  target.at = at;
  extendTo(expr, pos.end);
}

/** `anchored` / `smoothed` (Prometheus 3 extended range selectors) on an instant or range selector. */
export function applyRangeMode(expr: Expr, mode: "anchored" | "smoothed", pos: PositionRange): void {
  if (expr.kind === "subquery") throw new ParseProblem(`${mode} modifier is not supported for subqueries`, pos);
  const target = expr.kind === "matrixSelector" ? expr.selector : expr.kind === "vectorSelector" ? expr : undefined;
  if (!target) throw new ParseProblem(`${mode} modifier must follow an instant or range vector selector`, pos);
  target[mode] = true;
  if (target.anchored && target.smoothed) throw new ParseProblem("anchored and smoothed modifiers cannot be used together", pos);
  extendTo(expr, pos.end);
}

function extendTo(expr: Expr, end: number): void {
  expr.pos = { start: expr.pos.start, end: Math.max(expr.pos.end, end) };
}

/**
 * Applies a postfix (range, subquery, offset, @, anchored) to the operand it belongs to. The grammar
 * attaches postfixes to a whole binary or unary expression (`a + b offset 5m`), while in PromQL they
 * bind tighter than any operator, so they go down to the rightmost operand.
 */
export function applyPostfix(expr: Expr, end: number, apply: (operand: Expr) => Expr): Expr {
  if (expr.kind === "binary") {
    expr.rhs = applyPostfix(expr.rhs, end, apply);
  } else if (expr.kind === "unary") {
    expr.expr = applyPostfix(expr.expr, end, apply);
  } else {
    return apply(expr);
  }
  expr.pos = { start: expr.pos.start, end };
  return expr;
}
