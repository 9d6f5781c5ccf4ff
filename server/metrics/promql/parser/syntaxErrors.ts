import { lexQuery, type Token } from "./lexQuery";
import { ParseProblem } from "./parseError";
import type { Source, SyntaxNode } from "./syntaxTree";

/**
 * The first syntax error in the tree, in Prometheus's words. The grammar recovers from errors and
 * marks them with error nodes; Prometheus's lexer and parser stop at the first problem, so the
 * message is rebuilt from the token found there.
 */
export function findSyntaxError(source: Source, top: SyntaxNode): ParseProblem | undefined {
  const errorNode = firstErrorNode(top);
  if (!errorNode) return undefined;
  const query = source.query;
  const { tokens, error: lexError } = lexQuery(query);
  const token = tokens.find((candidate) => candidate.end > errorNode.from || candidate.kind === "eof");
  if (lexError && lexError.start <= (token?.start ?? Infinity)) {
    return new ParseProblem(lexError.message, { start: lexError.start, end: query.length });
  }
  if (tokens.length <= 1) return new ParseProblem("no expression found in input", { start: 0, end: 0 });
  const eof: Token = { kind: "eof", text: "", start: query.length, end: query.length };
  const failing = token ?? eof;
  const previous = tokens[tokens.indexOf(failing) - 1] ?? tokens[tokens.length - 1];
  if (failing.text === ")" && previous?.text === "," && enclosingContext(errorNode, true) === "FunctionCallBody") {
    return new ParseProblem("trailing commas not allowed in function call args", { start: previous.start, end: previous.end });
  }
  if (failing.text === "(" && previous?.kind === "identifier") {
    return new ParseProblem(`unknown function with name ${JSON.stringify(previous.text)}`, { start: previous.start, end: previous.end });
  }
  return problemAt(errorNode, failing, previous);
}

function problemAt(errorNode: SyntaxNode, token: Token, previous: Token | undefined): ParseProblem {
  const message = `unexpected ${describeToken(token)}${errorContext(errorNode, token, previous)}`;
  return new ParseProblem(message, { start: token.start, end: token.end });
}

function firstErrorNode(top: SyntaxNode): SyntaxNode | undefined {
  const cursor = top.cursor();
  do {
    if (cursor.type.isError) return cursor.node;
  } while (cursor.next());
  return undefined;
}

/** Prometheus's item description: `<op:+>`, `<aggr:sum>`, `<by>`, `identifier "foo"`, `"("`. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case "operator":
      return `<op:${token.text}>`;
    case "aggregator":
      return `<aggr:${token.text}>`;
    case "keyword":
      return `<${token.text}>`;
    case "punctuation":
      return JSON.stringify(token.text);
    case "eof":
      return "end of input";
    case "metricIdentifier":
      return `metric identifier ${JSON.stringify(token.text)}`;
    case "identifier":
      return `identifier ${JSON.stringify(token.text)}`;
    default:
      return `${token.kind} ${goShortQuote(token.text)}`;
  }
}

/** Go's `%.10q...` for long values, else `%q`. */
function goShortQuote(text: string): string {
  return text.length > 10 ? `${JSON.stringify(text.slice(0, 10))}...` : JSON.stringify(text);
}

/** The " in <context>, expected <what>" tail Prometheus's error productions add. */
function errorContext(errorNode: SyntaxNode, token: Token, previous: Token | undefined): string {
  const context = enclosingContext(errorNode);
  const after = previous?.text ?? "";
  switch (context) {
    case "LabelMatchers":
      if (after === "{" || after === ",") return ' in label matching, expected identifier or "}"';
      if (["=", "!=", "=~", "!~"].includes(after)) return " in label matching, expected string";
      if (previous?.kind === "string") return ' in label matching, expected "," or "}"';
      return " in label matching, expected label matching operator";
    case "GroupingLabels":
    case "AggregateModifier":
    case "MatchingModifierClause":
      if (after === ")") return "";
      if (previous?.kind === "keyword") return ' in grouping opts, expected "("';
      if (after === "(" || after === ",") return " in grouping opts, expected label";
      return ' in grouping opts, expected "," or ")"';
    case "OffsetExpr":
      return ` in offset, expected ${DURATION_START}`;
    case "StepInvariantExpr":
      return " in @, expected timestamp";
    case "SubqueryExpr":
    case "MatrixSelector":
      if (after === "[") return ` in subquery or range selector, expected ${DURATION_START}`;
      if (after === ":") return ' in subquery selector, expected duration or "]"';
      if (token.text === "]" || previous?.kind === "duration" || previous?.kind === "number") return ' in subquery or range, expected ":" or "]"';
      return "";
    default:
      return "";
  }
}

const DURATION_START = "number, duration, step(), or range()";

const CONTEXT_NODES = new Set(["LabelMatchers", "GroupingLabels", "AggregateModifier", "MatchingModifierClause", "OffsetExpr", "StepInvariantExpr", "SubqueryExpr", "MatrixSelector"]);

function enclosingContext(node: SyntaxNode, withCalls = false): string | undefined {
  for (let at: SyntaxNode | null = node.parent; at; at = at.parent) {
    if (CONTEXT_NODES.has(at.name)) return at.name;
    if (withCalls && at.name === "FunctionCallBody") return at.name;
    if (at.name === "FunctionCallBody" || at.name === "ParenExpr") return undefined;
  }
  return undefined;
}
