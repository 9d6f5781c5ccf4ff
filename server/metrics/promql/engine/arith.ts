import type { BinaryOp } from "../ast";

export type ArithmeticOp = "+" | "-" | "*" | "/" | "%" | "^" | "atan2";
export type ComparisonOp = "==" | "!=" | ">" | "<" | ">=" | "<=";

export function isComparison(op: BinaryOp): op is ComparisonOp {
  return op === "==" || op === "!=" || op === ">" || op === "<" || op === ">=" || op === "<=";
}

export function isSetOperator(op: BinaryOp): op is "and" | "or" | "unless" {
  return op === "and" || op === "or" || op === "unless";
}

/** Go's math.Pow where it differs from JavaScript's: 1^NaN and (-1)^±Inf are 1. */
function goPow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

export function arithmetic(op: ArithmeticOp, a: number, b: number): number {
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "%": return a % b;
    case "^": return goPow(a, b);
    case "atan2": return Math.atan2(a, b);
  }
}

export function compare(op: ComparisonOp, a: number, b: number): boolean {
  switch (op) {
    case "==": return a === b;
    case "!=": return a !== b;
    case ">": return a > b;
    case "<": return a < b;
    case ">=": return a >= b;
    case "<=": return a <= b;
  }
}

/** One element of a binary operation: the value, and whether a comparison keeps it. */
export function applyBinary(op: ArithmeticOp | ComparisonOp, a: number, b: number, out: { value: number; keep: boolean }): void {
  if (op === "==" || op === "!=" || op === ">" || op === "<" || op === ">=" || op === "<=") {
    out.keep = compare(op, a, b);
    out.value = a;
    return;
  }
  out.value = arithmetic(op, a, b);
  out.keep = true;
}
