import type { VectorSelector } from "../ast";
import type { LabelMatcher, MatchType } from "../../storage";
import { regexSyntaxError } from "./regexSyntax";
import { goQuote, unquoteString } from "./strings";
import { ParseProblem } from "./parseError";
import { childNamed, childrenOf, rangeOf, textOf, type Source, type SyntaxNode } from "./syntaxTree";

const MATCH_OPS: Record<string, MatchType> = { EqlSingle: "=", Neq: "!=", EqlRegex: "=~", NeqRegex: "!~" };

/** A VectorSelector node: `name{matchers}`, `name`, or `{"quoted.name", matchers}`. */
export function buildVectorSelector(source: Source, node: SyntaxNode): VectorSelector {
  const identifier = childNamed(node, "Identifier");
  const matchersNode = childNamed(node, "LabelMatchers");
  const name = identifier ? textOf(source, identifier) : "";
  const matchers: LabelMatcher[] = [];
  for (const item of matchersNode ? childrenOf(matchersNode) : []) {
    // A quoted name alone in braces (`{"my.metric"}`) is a __name__ matcher; Prometheus leaves the name unset.
    if (item.name === "QuotedLabelName") matchers.push({ type: "=", name: "__name__", value: readString(source, item) });
    else matchers.push(buildMatcher(source, item));
  }
  if (name !== "") {
    const duplicate = matchers.find((m) => m.name === "__name__");
    if (duplicate) throw new ParseProblem(`metric name must not be set twice: ${goQuote(name)} or ${goQuote(duplicate.value)}`, rangeOf(node));
    matchers.unshift({ type: "=", name: "__name__", value: name });
  }
  return { kind: "vectorSelector", name, matchers, pos: rangeOf(node) };
}

function buildMatcher(source: Source, node: SyntaxNode): LabelMatcher {
  const kids = childrenOf(node);
  const [nameNode, opNode, valueNode] = kids;
  if (!nameNode || !opNode || !valueNode) throw new ParseProblem("unexpected end of input in label matching", rangeOf(node));
  const name = nameNode.name === "QuotedLabelName" ? readString(source, nameNode) : textOf(source, nameNode);
  const type = MATCH_OPS[opNode.firstChild?.name ?? ""] ?? "=";
  const value = readString(source, valueNode);
  const regexError = type === "=~" || type === "!~" ? regexSyntaxError(value) : undefined;
  if (regexError) throw new ParseProblem(regexError, { start: nameNode.from, end: valueNode.to });
  return { type, name, value };
}

/** The value of a StringLiteral node (or a QuotedLabelName wrapping one). */
export function readString(source: Source, node: SyntaxNode): string {
  const literal = node.name === "StringLiteral" ? node : (childNamed(node, "StringLiteral") ?? node);
  const token = textOf(source, literal);
  const quote = token[0];
  if (token.length < 2 || token[token.length - 1] !== quote) {
    throw new ParseProblem("unterminated quoted string", { start: literal.from, end: literal.to });
  }
  try {
    return unquoteString(token);
  } catch (err) {
    throw new ParseProblem((err as Error).message, rangeOf(literal));
  }
}
