import type { Expr, UnaryExpr } from "../ast";
import { PromQLError } from "../values";
import { evalAggregate } from "./aggregations";
import { evalBinaryValues } from "./binaryOps";
import { evalCall } from "./functions";
import { evalMatrixSelector, evalVectorSelector, extendedModifierOf, windowBounds } from "./selectors";
import { evalSmoothedVectorSelector } from "./smoothedSelector";
import { evalSubquery } from "./subqueries";
import type { EvalContext, EvalValue } from "./types";
import { constantScalar, mapVector } from "./vectorMath";

/** Samples an evaluated value holds, for the max-samples limit. */
function sizeOf(v: EvalValue): number {
  switch (v.type) {
    case "scalar":
    case "string":
      return 0;
    case "vector": {
      let n = 0;
      for (const s of v.series) {
        for (let i = 0; i < s.present.length; i++) n += s.present[i]!;
        if (s.histograms) for (const h of s.histograms) if (h) n++;
      }
      return n;
    }
    case "matrix": {
      // Like Prometheus, a range vector holds one window per series at a time, not all it selected.
      const end = v.windowEnds[v.windowEnds.length - 1] ?? 0;
      let n = 0;
      for (const s of v.series) {
        const [from, to] = windowBounds(s.t, end, v.rangeMs);
        n += to - from;
      }
      return n;
    }
  }
}

/** Evaluates any expression over the context's step grid; its children are released once it is done. */
export function evaluate(expr: Expr, ctx: EvalContext): EvalValue {
  ctx.budget.checkpoint();
  const mark = ctx.budget.mark();
  const value = evaluateNode(expr, ctx);
  ctx.budget.resetTo(mark);
  ctx.budget.take(sizeOf(value));
  return value;
}

function evaluateNode(expr: Expr, ctx: EvalContext): EvalValue {
  switch (expr.kind) {
    case "number":
      return constantScalar(expr.value, ctx.grid.count);
    case "string":
      return { type: "string", value: expr.value };
    case "paren":
      return evaluate(expr.expr, ctx);
    case "vectorSelector":
      return extendedModifierOf(expr, ctx) === "smoothed" ? evalSmoothedVectorSelector(expr, ctx) : evalVectorSelector(expr, ctx);
    case "matrixSelector":
      return evalMatrixSelector(expr, ctx);
    case "subquery":
      return evalSubquery(expr, ctx, evaluate);
    case "unary":
      return evalUnary(expr, ctx);
    case "binary":
      return evalBinaryValues(expr, evaluate(expr.lhs, ctx), evaluate(expr.rhs, ctx), ctx.grid.count);
    case "aggregate": {
      const param = expr.param ? evaluate(expr.param, ctx) : undefined;
      return evalAggregate(expr, evaluate(expr.expr, ctx), param, ctx);
    }
    case "call":
      return evalCall(expr, ctx, evaluate);
  }
}

function evalUnary(expr: UnaryExpr, ctx: EvalContext): EvalValue {
  const v = evaluate(expr.expr, ctx);
  if (expr.op === "+") return v;
  if (v.type === "scalar") return { type: "scalar", values: v.values.map((x) => -x) };
  if (v.type === "vector") return mapVector(v, (x) => -x);
  throw new PromQLError("bad_data", `unary expression only allowed on expressions of type scalar or instant vector, got "${v.type}"`, expr.pos);
}
