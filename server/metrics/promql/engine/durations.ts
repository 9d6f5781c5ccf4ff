import type { AtModifier, DurationExpr } from "../ast";
import { PromQLError } from "../values";
import type { EvalContext } from "./types";

/** Resolves a duration expression to ms for this query: step() is the query step, range() its end minus start. */
export function resolveDuration(expr: DurationExpr, ctx: EvalContext): number {
  switch (expr.kind) {
    case "durationLiteral":
      return expr.ms;
    case "durationStep":
      return ctx.queryStep;
    case "durationRange":
      return ctx.queryEnd - ctx.queryStart;
    case "durationUnary":
      return expr.op === "-" ? -resolveDuration(expr.expr, ctx) : resolveDuration(expr.expr, ctx);
    case "durationMinMax": {
      const a = resolveDuration(expr.args[0], ctx);
      const b = resolveDuration(expr.args[1], ctx);
      return expr.fn === "min" ? Math.min(a, b) : Math.max(a, b);
    }
    case "durationBinary":
      return resolveBinaryDuration(expr, ctx);
  }
}

/** Durations are computed in seconds as Prometheus does, then kept in whole milliseconds. */
function resolveBinaryDuration(expr: Extract<DurationExpr, { kind: "durationBinary" }>, ctx: EvalContext): number {
  const a = resolveDuration(expr.lhs, ctx) / 1000;
  const b = resolveDuration(expr.rhs, ctx) / 1000;
  let seconds: number;
  switch (expr.op) {
    case "+": seconds = a + b; break;
    case "-": seconds = a - b; break;
    case "*": seconds = a * b; break;
    case "/":
      if (b === 0) throw new PromQLError("bad_data", "division by zero", expr.pos);
      seconds = a / b;
      break;
    case "%":
      if (b === 0) throw new PromQLError("bad_data", "modulo by zero", expr.pos);
      seconds = a % b;
      break;
    case "^": seconds = Math.pow(a, b); break;
  }
  return Math.round(seconds * 1000);
}

/** A positive duration, or Prometheus's error for the place it is used. */
export function resolvePositiveDuration(expr: DurationExpr, ctx: EvalContext, what: string): number {
  const ms = resolveDuration(expr, ctx);
  if (ms <= 0) throw new PromQLError("bad_data", `${what} must be greater than 0`, expr.pos);
  return ms;
}

/** The fixed evaluation time an `@` modifier names, or undefined when it has none. */
export function resolveAt(at: AtModifier | undefined, ctx: EvalContext): number | undefined {
  if (at === undefined) return undefined;
  if (at.kind === "start") return ctx.queryStart;
  if (at.kind === "end") return ctx.queryEnd;
  return at.ms;
}
