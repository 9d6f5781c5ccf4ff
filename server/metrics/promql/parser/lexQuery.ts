import { parseDurationMs } from "./literals";
import { unquoteString } from "./strings";

/** A token as Prometheus's lexer sees it, for error messages in its words. */
export interface Token {
  kind: "identifier" | "metricIdentifier" | "keyword" | "aggregator" | "operator" | "number" | "duration" | "string" | "punctuation" | "eof";
  text: string;
  start: number;
  end: number;
}

/** A lexical error and where Prometheus's lexer stands when it reports it. */
export interface LexError {
  message: string;
  start: number;
}

const AGGREGATORS = new Set(["sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk", "count_values", "quantile", "limitk", "limit_ratio"]);
const KEYWORDS = new Set(["offset", "by", "without", "on", "ignoring", "group_left", "group_right", "bool"]);
const WORD_OPERATORS = new Set(["and", "or", "unless", "atan2"]);
const OPERATORS = ["==", "!=", "<=", ">=", "=~", "!~", "</", ">/", "+", "-", "*", "/", "%", "^", "<", ">", "=", "@"];
const PUNCTUATION = new Set(["(", ")", "{", "}", "[", "]", ",", ":"]);
const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)/;
const DURATION = /^(?:\d+(?:ms|[smhdwy]))+/;
const WORD = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

/** Go's %q of one rune: `'.'`. */
function quoteRune(ch: string): string {
  return ch === "'" ? "'\\''" : `'${ch}'`;
}

interface LexState {
  tokens: Token[];
  parenDepth: number;
  bracketOpen: boolean;
  braceOpen: boolean;
}

/** Tokens of the query up to the first lexical error, as Prometheus's lexer would produce them. */
export function lexQuery(query: string): { tokens: Token[]; error?: LexError } {
  const state: LexState = { tokens: [], parenDepth: 0, bracketOpen: false, braceOpen: false };
  let at = 0;
  while (at < query.length) {
    const skipped = /^(?:\s+|#[^\n]*)/.exec(query.slice(at));
    if (skipped) {
      at += skipped[0].length;
      continue;
    }
    const step = lexOne(query, at, state);
    if ("message" in step) return { tokens: state.tokens, error: step };
    state.tokens.push(step);
    at = step.end;
  }
  if (state.braceOpen) return { tokens: state.tokens, error: { message: "unexpected end of input inside braces", start: query.length } };
  if (state.parenDepth > 0) return { tokens: state.tokens, error: { message: "unclosed left parenthesis", start: query.length } };
  if (state.bracketOpen) return { tokens: state.tokens, error: { message: "unexpected end of input in duration expression", start: query.length } };
  state.tokens.push({ kind: "eof", text: "", start: query.length, end: query.length });
  return { tokens: state.tokens };
}

function lexOne(query: string, at: number, state: LexState): Token | LexError {
  const rest = query.slice(at);
  const ch = rest[0] ?? "";
  // Inside a range or subquery only a duration expression may stand.
  if (state.bracketOpen && !/[\w.()+\-*/%^,:\]]/.test(ch)) {
    return { message: `unexpected character in duration expression: ${quoteRune(ch)}`, start: at };
  }
  if (state.braceOpen) return lexInsideBraces(query, at, state);
  if (ch === '"' || ch === "'" || ch === "`") return lexString(query, at);
  if (/[\d.]/.test(ch) && (ch !== "." || /^\.\d/.test(rest))) return lexNumber(query, at, state.bracketOpen);
  if (ch === ":" && !state.bracketOpen && !state.braceOpen) return lexWord(rest, at, state);
  if (PUNCTUATION.has(ch)) return lexPunctuation(ch, at, state);
  if (/[a-zA-Z_:]/.test(ch)) return lexWord(rest, at, state);
  return lexOperator(rest, at, state);
}

function lexPunctuation(ch: string, at: number, state: LexState): Token | LexError {
  const token: Token = { kind: "punctuation", text: ch, start: at, end: at + 1 };
  if (ch === "(") state.parenDepth++;
  if (ch === ")" && --state.parenDepth < 0) return { message: `unexpected right parenthesis ${quoteRune(ch)}`, start: at + 1 };
  if (ch === "[" && state.bracketOpen) return { message: `unexpected left bracket ${quoteRune(ch)}`, start: at };
  if (ch === "]" && !state.bracketOpen) return { message: `unexpected right bracket ${quoteRune(ch)}`, start: at };
  if (ch === "}" && !state.braceOpen) return { message: `unexpected character: ${quoteRune(ch)}`, start: at };
  if (ch === "[" || ch === "]") state.bracketOpen = ch === "[";
  if (ch === "{" || ch === "}") state.braceOpen = ch === "{";
  return token;
}

/** Inside braces Prometheus's lexer knows only label names, strings, matcher operators, commas and `}`. */
function lexInsideBraces(query: string, at: number, state: LexState): Token | LexError {
  const rest = query.slice(at);
  const ch = rest[0] ?? "";
  if (ch === '"' || ch === "'" || ch === "`") return lexString(query, at);
  if (ch === "," || ch === "}") return lexPunctuation(ch, at, state);
  if (ch === "{") return { message: `unexpected left brace ${quoteRune(ch)}`, start: at };
  const label = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(rest)?.[0];
  if (label) return { kind: "identifier", text: label, start: at, end: at + label.length };
  if (ch === "=" || ch === "!") return lexOperator(rest, at, state);
  return { message: `unexpected character inside braces: ${quoteRune(String.fromCodePoint(rest.codePointAt(0) ?? 0))}`, start: at };
}

function lexWord(rest: string, at: number, state: LexState): Token {
  const text = WORD.exec(rest)?.[0] ?? rest[0] ?? "";
  const lower = text.toLowerCase();
  if (state.braceOpen) return { kind: "identifier", text, start: at, end: at + text.length };
  let kind: Token["kind"] = text.includes(":") ? "metricIdentifier" : "identifier";
  if (AGGREGATORS.has(lower)) kind = "aggregator";
  else if (KEYWORDS.has(lower)) kind = "keyword";
  else if (WORD_OPERATORS.has(lower)) kind = "operator";
  return { kind, text, start: at, end: at + text.length };
}

function lexOperator(rest: string, at: number, state: LexState): Token | LexError {
  const ch = rest[0] ?? "";
  const next = rest[1] ?? "";
  if (!state.braceOpen && ch === "!" && next !== "=") return { message: `unexpected character after '!': ${quoteRune(next)}`, start: at };
  if (!state.braceOpen && ch === "=" && next === "~") return { message: `unexpected character after '=': ${quoteRune(next)}`, start: at };
  if (state.braceOpen && ch === "!" && next !== "=" && next !== "~") {
    return { message: `unexpected character after '!' inside braces: ${quoteRune(next)}`, start: at };
  }
  const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (!op || (state.braceOpen && !["=", "!=", "=~", "!~"].includes(op))) {
    const inside = state.braceOpen ? " inside braces" : "";
    return { message: `unexpected character${inside}: ${quoteRune(String.fromCodePoint(rest.codePointAt(0) ?? 0))}`, start: at };
  }
  // A lone `=` is punctuation to Prometheus (`unexpected "="`), not an operator.
  return { kind: op === "=" ? "punctuation" : "operator", text: op, start: at, end: at + op.length };
}

function lexNumber(query: string, at: number, inBrackets: boolean): Token | LexError {
  const rest = query.slice(at);
  const number = NUMBER.exec(rest)?.[0] ?? "";
  const duration = DURATION.exec(rest)?.[0] ?? "";
  const text = duration.length > number.length ? duration : number;
  const following = rest[text.length] ?? "";
  if (/[a-zA-Z0-9_.]/.test(following) || (following === ":" && !inBrackets)) {
    return { message: `bad number or duration syntax: "${rest.slice(0, text.length + 1)}"`, start: at };
  }
  if (duration.length > number.length && parseDurationMs(duration) === undefined) {
    return { message: `not a valid duration string: ${JSON.stringify(duration)}`, start: at };
  }
  return { kind: duration.length > number.length ? "duration" : "number", text, start: at, end: at + text.length };
}

function lexString(query: string, at: number): Token | LexError {
  const quote = query[at] ?? '"';
  let i = at + 1;
  while (i < query.length && query[i] !== quote) {
    if (quote !== "`" && query[i] === "\n") break;
    if (quote !== "`" && query[i] === "\\" && i + 1 >= query.length) return { message: "escape sequence not terminated", start: at };
    i += quote !== "`" && query[i] === "\\" ? 2 : 1;
  }
  if (i >= query.length || query[i] !== quote) {
    return { message: quote === "`" ? "unterminated raw string" : "unterminated quoted string", start: at };
  }
  const text = query.slice(at, i + 1);
  try {
    unquoteString(text);
  } catch (err) {
    return { message: (err as Error).message, start: at };
  }
  return { kind: "string", text, start: at, end: i + 1 };
}
