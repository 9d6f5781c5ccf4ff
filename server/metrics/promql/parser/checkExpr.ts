import type { AggregateExpr, Call, Expr, ValueType, VectorSelector } from "../ast";
import type { LabelMatcher } from "../../storage";
import { functionSignatures } from "./functions";
import { goQuote } from "./strings";
import { ParseProblem } from "./parseError";
import { documentedType, valueTypeOf } from "./valueTypeOf";
import { checkBinary } from "./checkBinary";

/** Prometheus's checks after parsing: operand types, function arity and argument types, selectors. */
export function checkExpr(expr: Expr, query: string): ValueType {
  switch (expr.kind) {
    case "aggregate":
      checkAggregate(expr, query);
      break;
    case "binary":
      checkBinary(expr, checkExpr(expr.lhs, query), checkExpr(expr.rhs, query), query);
      break;
    case "call":
      checkCall(expr, query);
      break;
    case "paren":
      checkExpr(expr.expr, query);
      break;
    case "unary": {
      const type = checkExpr(expr.expr, query);
      if (type !== "scalar" && type !== "vector") {
        throw new ParseProblem(`unary expression only allowed on expressions of type scalar or instant vector, got ${goQuote(documentedType(type))}`, expr.pos);
      }
      break;
    }
    case "subquery": {
      const type = checkExpr(expr.expr, query);
      if (type !== "vector") throw new ParseProblem(`subquery is only allowed on instant vector, got ${type} instead`, expr.pos);
      break;
    }
    case "matrixSelector":
      checkExpr(expr.selector, query);
      break;
    case "vectorSelector":
      checkSelector(expr);
      break;
  }
  return valueTypeOf(expr);
}

function expectType(expr: Expr, want: ValueType, context: string, query: string): void {
  const got = checkExpr(expr, query);
  if (got !== want) throw new ParseProblem(`expected type ${documentedType(want)} in ${context}, got ${documentedType(got)}`, expr.pos);
}

function checkAggregate(expr: AggregateExpr, query: string): void {
  if (expr.param && expr.op === "count_values") expectType(expr.param, "string", "aggregation parameter", query);
  else if (expr.param) expectType(expr.param, "scalar", "aggregation parameter", query);
  expectType(expr.expr, "vector", "aggregation expression", query);
}

function checkCall(call: Call, query: string): void {
  const signature = functionSignatures.get(call.func);
  if (!signature) throw new ParseProblem(`unknown function with name ${goQuote(call.func)}`, call.pos);
  checkArity(call, signature.argTypes.length, signature.variadic);
  const context = `call to function ${goQuote(call.func)}`;
  if (call.func === "info") checkInfoSelector(call);
  call.args.forEach((arg, i) => {
    if (i >= signature.argTypes.length && signature.variadic === 0) return;
    const want = signature.argTypes[Math.min(i, signature.argTypes.length - 1)] ?? "vector";
    if (call.func === "info" && i === 1 && arg.kind === "vectorSelector") return;
    expectType(arg, want, context, query);
  });
}

/** info()'s second argument selects data labels, so it is label matchers only and may match empty values. */
function checkInfoSelector(call: Call): void {
  const selector = call.args[1];
  if (!selector) return;
  const type = valueTypeOf(selector);
  if (type !== "vector") throw new ParseProblem(`expected type instant vector in call to function "info", got ${documentedType(type)}`, call.pos);
  if (selector.kind !== "vectorSelector") throw new ParseProblem("expected label selectors only", selector.pos);
  if (selector.name !== "") throw new ParseProblem("expected label selectors only, got vector selector instead", selector.pos);
}

function checkArity(call: Call, declared: number, variadic: number): void {
  const given = call.args.length;
  const name = goQuote(call.func);
  if (variadic === 0) {
    if (given !== declared) throw new ParseProblem(`expected ${declared} argument(s) in call to ${name}, got ${given}`, call.pos);
    return;
  }
  const least = declared - 1;
  if (given < least) throw new ParseProblem(`expected at least ${least} argument(s) in call to ${name}, got ${given}`, call.pos);
  if (variadic > 0 && given > least + variadic) {
    throw new ParseProblem(`expected at most ${least + variadic} argument(s) in call to ${name}, got ${given}`, call.pos);
  }
}

function checkSelector(selector: VectorSelector): void {
  if (selector.name !== "") return;
  if (!selector.matchers.some((m) => !matchesEmpty(m))) {
    throw new ParseProblem("vector selector must contain at least one non-empty matcher", selector.pos);
  }
}

function matchesEmpty(matcher: LabelMatcher): boolean {
  switch (matcher.type) {
    case "=":
      return matcher.value === "";
    case "!=":
      return matcher.value !== "";
    case "=~":
      return regexMatchesEmpty(matcher.value) ?? false;
    case "!~":
      return !(regexMatchesEmpty(matcher.value) ?? true);
  }
}

/** Whether an anchored RE2 pattern matches ""; undefined when JavaScript cannot compile it. */
function regexMatchesEmpty(pattern: string): boolean | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, "su").test("");
  } catch {
    return undefined;
  }
}
