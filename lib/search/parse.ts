// Parses the Scope-style search language: free text, /regex/, field:value, metric comparisons, -negation.
// Hand-written rather than a parser library: the grammar is a handful of term shapes, it must run in the
// browser on every keystroke with no extra bundle, and errors must point at the exact column and say
// what was expected, which generated parsers make awkward.
import type { Comparison, MetricTerm, ParseResult, SearchTerm } from "./ast";
import { buildFieldTerm } from "./parseField";
import { Scanner, isComparisonChar, isSpace, searchError } from "./scanner";
import { failure, span, success, type TermResult } from "./termResult";
import { parseMetricValue } from "./units";
import { lookUp, metricAliases, metricNamesForMessages } from "./vocabulary";

/** Parses a query; on failure reports where and why instead of throwing. */
export function parseSearch(text: string): ParseResult {
  const scanner = new Scanner(text);
  const terms: SearchTerm[] = [];
  for (scanner.skipSpaces(); !scanner.atEnd(); scanner.skipSpaces()) {
    const term = parseTerm(scanner);
    if (!term.ok) return { ok: false, error: term.error };
    terms.push(term.value);
  }
  return { ok: true, query: { text, terms } };
}

function parseTerm(scanner: Scanner): TermResult {
  const start = scanner.position;
  const sign = scanner.peek();
  const negated = sign === "-" || sign === "!";
  if (negated) {
    scanner.advance();
    if (scanner.atTermEnd()) return failure(searchError(start, 1, `expected a term after '${sign}'`));
  }
  const first = scanner.peek();
  if (first === "/" || first === '"') return parseTextTerm(scanner, start, negated);
  if (isComparisonChar(first)) {
    return failure(searchError(scanner.position, 1, `expected a metric name before '${first}'`, `metrics: ${metricNamesForMessages}`));
  }
  const wordStart = scanner.position;
  const word = scanner.readWhile((char) => !isSpace(char) && char !== ":" && !isComparisonChar(char));
  if (scanner.peek() === ":") {
    if (word === "") return failure(searchError(wordStart, 1, "expected a field name before ':'"));
    scanner.advance();
    return buildFieldTerm(scanner, { word, wordStart, negated, termStart: start });
  }
  scanner.skipSpaces();
  if (isComparisonChar(scanner.peek())) return parseMetricTerm(scanner, word, wordStart, negated, start);
  scanner.position = wordStart;
  scanner.readUntilSpace();
  const value = scanner.text.slice(wordStart, scanner.position);
  return success({ type: "text", negated, span: span(start, scanner), matcher: { mode: "contains", value } });
}

function parseTextTerm(scanner: Scanner, start: number, negated: boolean): TermResult {
  if (scanner.peek() === "/") {
    const regex = scanner.readRegex();
    if (!regex.ok) return regex;
    return success({ type: "text", negated, span: span(start, scanner), matcher: { mode: "regex", regex: regex.value } });
  }
  const quoted = scanner.readQuoted();
  if (!quoted.ok) return quoted;
  if (!scanner.atTermEnd()) return failure(searchError(scanner.position, 1, "expected a space after the closing quote"));
  if (quoted.value === "") return failure(searchError(start, scanner.position - start, "empty quotes", "write the text to find between them"));
  return success({ type: "text", negated, span: span(start, scanner), matcher: { mode: "contains", value: quoted.value } });
}

const comparisons: ReadonlySet<string> = new Set<Comparison>(["<", "<=", "=", ">=", ">"]);

function parseMetricTerm(scanner: Scanner, word: string, wordStart: number, negated: boolean, start: number): TermResult {
  const metric = lookUp(metricAliases, word);
  const operatorStart = scanner.position;
  const operator = scanner.readWhile(isComparisonChar);
  if (!metric) {
    const labelHint = operator === "=" ? `; for a label write label:${word}=…` : "";
    const problem = word === "" ? `expected a metric name before '${operator}'` : `unknown metric '${word}'`;
    return failure(searchError(wordStart, Math.max(1, word.length), problem, `metrics: ${metricNamesForMessages}${labelHint}`));
  }
  if (!comparisons.has(operator)) {
    return failure(searchError(operatorStart, operator.length, `unknown comparison '${operator}'`, "use <, <=, =, >= or >"));
  }
  scanner.skipSpaces();
  const valueStart = scanner.position;
  const valueText = scanner.readUntilSpace();
  if (!/^[\d.]/.test(valueText)) {
    const found = valueText === "" ? "" : `, found '${valueText}'`;
    return failure(searchError(valueStart, valueText.length, `expected a number after '${operator}'${found}`));
  }
  const value = parseMetricValue(metric, valueText);
  if (!value.ok) return failure(searchError(valueStart, valueText.length, value.problem, value.hint));
  const term: MetricTerm = { type: "metric", negated, span: span(start, scanner), metric, comparison: operator as Comparison, value: value.value };
  return success(term);
}
