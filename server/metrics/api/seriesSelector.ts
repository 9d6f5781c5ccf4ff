import type { Expr } from "../promql/ast";
import { PromQLError } from "../promql/values";
import type { LabelMatcher } from "../storage";

const kindWords: Record<Expr["kind"], string> = {
  number: "a number",
  string: "a string",
  vectorSelector: "a series selector",
  matrixSelector: "a range selector",
  subquery: "a subquery",
  call: "a function call",
  aggregate: "an aggregation",
  binary: "a binary expression",
  unary: "a unary expression",
  paren: "a parenthesized expression",
};

/**
 * The matchers of a `match[]` series selector (Prometheus's ParseMetricSelector): a bare selector such as
 * `up{job="api"}` or `{__name__=~"kube_.+"}`, without range, offset or `@`; anything else is bad data.
 */
export function seriesSelectorParser(parseExpr: (query: string) => Expr): (text: string) => LabelMatcher[] {
  return (text) => {
    const expr = parseExpr(text);
    if (expr.kind !== "vectorSelector" || expr.offset !== undefined || expr.at !== undefined) {
      const what = expr.kind === "vectorSelector" ? "a selector with a modifier" : kindWords[expr.kind];
      throw new PromQLError("bad_data", `1:1: parse error: expected a series selector like up{job="api"}, got ${what}`, { start: 0, end: text.length });
    }
    return expr.matchers;
  };
}
