import type { Expr } from "../ast";
import { buildExpr } from "./buildAst";
import { isExprNode } from "./exprNodes";
import { ParseProblem, toPromQLError } from "./parseError";
import { findSyntaxError } from "./syntaxErrors";
import { childrenOf, parseTree } from "./syntaxTree";
import { checkTypes } from "./checkTypes";

/** Parses a PromQL query into Orrery's AST; every problem is a `bad_data` PromQLError in Prometheus's words. */
export function parseExpr(query: string): Expr {
  const source = { query };
  try {
    const top = parseTree(query);
    const syntaxError = findSyntaxError(source, top);
    if (syntaxError) throw syntaxError;
    const root = childrenOf(top).find(isExprNode);
    if (!root) throw new ParseProblem("no expression found in input", { start: 0, end: query.length });
    const expr = buildExpr(source, root);
    checkTypes(expr);
    return expr;
  } catch (err) {
    if (err instanceof ParseProblem) throw toPromQLError(query, err);
    throw err;
  }
}
