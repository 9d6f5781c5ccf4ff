import type { Expr } from "../ast";
import { formatExpr } from "./formatExpr";

const MAX_LINE = 100;

function indent(level: number): string {
  return "  ".repeat(level);
}

/** Prometheus's prettified form: an expression longer than 100 characters is split over indented lines. */
export function prettyExpr(expr: Expr, level = 0): string {
  const flat = formatExpr(expr);
  const pad = indent(level);
  if (flat.length <= MAX_LINE && expr.kind !== "unary") return expr.kind === "subquery" ? flat : pad + flat;
  switch (expr.kind) {
    case "aggregate": {
      const args = `(${expr.param ? `${formatExpr(expr.param)}, ` : ""}${formatExpr(expr.expr)})`;
      const head = flat.slice(0, flat.length - args.length);
      const param = expr.param ? `${prettyExpr(expr.param, level + 1)},\n` : "";
      return `${pad}${head}(\n${param}${prettyExpr(expr.expr, level + 1)}\n${pad})`;
    }
    case "binary": {
      const operator = binaryOperatorText(expr);
      return `${prettyExpr(expr.lhs, level + 1)}\n${pad}${operator}\n${prettyExpr(expr.rhs, level + 1)}`;
    }
    case "call":
      return `${pad}${expr.func}(\n${expr.args.map((arg) => prettyExpr(arg, level + 1)).join(",\n")}\n${pad})`;
    case "paren":
      return `${pad}(\n${prettyExpr(expr.expr, level + 1)}\n${pad})`;
    case "unary":
      return `${pad}${expr.op}${prettyExpr(expr.expr, level).trim()}`;
    case "subquery":
      return prettyExpr(expr.expr, level) + flat.slice(formatExpr(expr.expr).length);
    default:
      return pad + flat;
  }
}

/** The operator with its bool and matching modifiers, as it sits between the operands in the flat form. */
function binaryOperatorText(expr: Extract<Expr, { kind: "binary" }>): string {
  const flat = formatExpr(expr);
  const lhs = formatExpr(expr.lhs);
  const rhs = formatExpr(expr.rhs);
  return flat.slice(lhs.length + 1, flat.length - rhs.length - 1);
}
