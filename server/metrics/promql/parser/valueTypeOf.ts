import type { Expr, ValueType } from "../ast";
import { functionSignatures } from "./functions";

/** The type an expression evaluates to. */
export function valueTypeOf(expr: Expr): ValueType {
  switch (expr.kind) {
    case "number":
      return "scalar";
    case "string":
      return "string";
    case "vectorSelector":
    case "aggregate":
      return "vector";
    case "matrixSelector":
    case "subquery":
      return "matrix";
    case "call":
      return functionSignatures.get(expr.func)?.returnType ?? "vector";
    case "binary":
      return valueTypeOf(expr.lhs) === "scalar" && valueTypeOf(expr.rhs) === "scalar" ? "scalar" : "vector";
    case "unary":
    case "paren":
      return valueTypeOf(expr.expr);
  }
}

/** The type's name in Prometheus's messages: `instant vector`, `range vector`, `scalar`, `string`. */
export function documentedType(type: ValueType): string {
  if (type === "vector") return "instant vector";
  if (type === "matrix") return "range vector";
  return type;
}
