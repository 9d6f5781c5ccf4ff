import type { AtModifier, DurationExpr } from "../ast";
import { formatDuration, formatFloat } from "./literals";

const PRECEDENCE: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3 };

/** A range or step as Prometheus prints it: a plain duration when literal, else the expression. */
export function formatRange(range: DurationExpr): string {
  return range.kind === "durationLiteral" ? formatDuration(range.ms) : formatDurationExpr(range);
}

/** ` offset 5m`, ` offset -5m`, or ` offset <expr>` (parenthesised unless it is a single term). */
export function formatOffset(offset: DurationExpr | undefined): string {
  if (!offset) return "";
  if (offset.kind === "durationLiteral") return offset.ms === 0 ? "" : ` offset ${signedDuration(offset.ms)}`;
  if (offset.kind === "durationUnary" && offset.expr.kind === "durationLiteral") {
    const ms = offset.op === "-" ? -offset.expr.ms : offset.expr.ms;
    return ms === 0 ? "" : ` offset ${signedDuration(ms)}`;
  }
  const text = formatDurationExpr(offset);
  return ` offset ${offset.kind === "durationBinary" ? `(${text})` : text}`;
}

function signedDuration(ms: number): string {
  return ms < 0 ? `-${formatDuration(-ms)}` : formatDuration(ms);
}

export function formatAt(at: AtModifier | undefined): string {
  if (!at) return "";
  if (at.kind === "start") return " @ start()";
  if (at.kind === "end") return " @ end()";
  return ` @ ${(at.ms / 1000).toFixed(3)}`;
}

export function formatDurationExpr(expr: DurationExpr): string {
  switch (expr.kind) {
    case "durationLiteral":
      return expr.unitless ? formatFloat(expr.ms / 1000) : signedDuration(expr.ms);
    case "durationStep":
      return "step()";
    case "durationRange":
      return "range()";
    case "durationMinMax":
      return `${expr.fn}_of(${formatDurationExpr(expr.args[0])}, ${formatDurationExpr(expr.args[1])})`;
    case "durationUnary": {
      const inner = formatDurationExpr(expr.expr);
      const wrapped = expr.expr.kind === "durationBinary" ? `(${inner})` : inner;
      return expr.op === "-" ? `-${wrapped}` : wrapped;
    }
    case "durationBinary":
      return `${operand(expr.lhs, expr.op, "left")} ${expr.op} ${operand(expr.rhs, expr.op, "right")}`;
  }
}

/** Parentheses only where precedence or associativity needs them (`^` is right-associative). */
function operand(expr: DurationExpr, parentOp: string, side: "left" | "right"): string {
  const text = formatDurationExpr(expr);
  if (expr.kind !== "durationBinary") return text;
  const inner = PRECEDENCE[expr.op] ?? 0;
  const outer = PRECEDENCE[parentOp] ?? 0;
  const rightAssociative = parentOp === "^";
  const needs = inner < outer || (inner === outer && (side === "right") !== rightAssociative);
  return needs ? `(${text})` : text;
}
