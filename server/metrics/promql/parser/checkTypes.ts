import type { Expr, ValueType } from "../ast";

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
      return callReturnType(expr.func);
    case "binary":
      return valueTypeOf(expr.lhs) === "scalar" && valueTypeOf(expr.rhs) === "scalar" ? "scalar" : "vector";
    case "unary":
    case "paren":
      return valueTypeOf(expr.expr);
  }
}

import { functionSignatures } from "./functions";

function callReturnType(name: string): ValueType {
  return functionSignatures.get(name)?.returnType ?? "vector";
}

export function checkTypes(_expr: Expr): void {}
