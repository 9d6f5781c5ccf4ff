import type { Expr } from "../ast";
import { buildExpr } from "./buildAst";
import { isExprNode } from "./exprNodes";
import { ParseProblem, toPromQLError } from "./parseError";
import { findSyntaxError } from "./syntaxErrors";
import { childrenOf, parseTree, type Source, type SyntaxNode } from "./syntaxTree";
import { checkExpr } from "./checkExpr";
import { grammarText, grammarTextsWithOffsetAsName, grammarTextWithMinMaxFunctions } from "./grammarText";

/** Parses a PromQL query into Orrery's AST; every problem is a `bad_data` PromQLError in Prometheus's words. */
export function parseExpr(query: string): Expr {
  const source = { query };
  try {
    const top = treeOf(source);
    const root = childrenOf(top).find(isExprNode);
    if (!root) throw new ParseProblem("no expression found in input", { start: 0, end: query.length });
    const expr = buildExpr(source, root);
    checkExpr(expr, query);
    return expr;
  } catch (err) {
    if (err instanceof ParseProblem) throw toPromQLError(query, err);
    throw err;
  }
}

/** The syntax tree of the query, or the first syntax error in it. */
function treeOf(source: Source): SyntaxNode {
  const text = grammarText(source.query);
  const top = parseTree(text);
  const syntaxError = findSyntaxError(source, top);
  if (!syntaxError) return top;
  const withFunctions = grammarTextWithMinMaxFunctions(text);
  const retries = [...(withFunctions === undefined ? [] : [withFunctions]), ...grammarTextsWithOffsetAsName(text)];
  for (const retry of retries) {
    const retried = parseTree(retry);
    if (!findSyntaxError(source, retried)) return retried;
  }
  throw syntaxError;
}
