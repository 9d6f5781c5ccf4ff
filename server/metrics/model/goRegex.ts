import { caseVariants, translateClass } from "./goRegexClass";

/** Go's \s is ASCII whitespace without \v; JS's \s is Unicode-wide. */
const GO_SPACE = "\\t\\n\\f\\r ";
/** Characters a JS `u` regex accepts after a backslash as themselves. */
const JS_SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));
const SIMPLE_ESCAPES = new Set("tnrfvbBdDwWpP".split(""));

class GoRegexError extends Error {}

export function fail(detail: string): never {
  throw new GoRegexError(detail);
}

/** Compiles a Go RE2 pattern as Prometheus does: fully anchored, `.` matching newlines. */
export function compileGoRegex(pattern: string): RegExp {
  try {
    const { body, flags } = splitLeadingFlags(pattern);
    const source = `^(?:${translate(body)})$`;
    return new RegExp(source, `su${flags}`);
  } catch (err) {
    const detail = err instanceof GoRegexError ? err.message : jsReason(err);
    throw new Error(`invalid regular expression ${JSON.stringify(pattern)}: error parsing regexp: ${detail}`);
  }
}

function jsReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "").toLowerCase();
}

function splitLeadingFlags(pattern: string): { body: string; flags: string } {
  const match = /^\(\?([is]+)\)/.exec(pattern);
  if (!match) return { body: pattern, flags: "" };
  return { body: pattern.slice(match[0].length), flags: match[1]!.includes("i") ? "i" : "" };
}

/** Case-insensitivity of the group being read and of the groups around it. */
interface CaseState {
  ignoreCase: boolean;
  outer: boolean[];
}

function translate(pattern: string): string {
  let out = "";
  let i = 0;
  const state: CaseState = { ignoreCase: false, outer: [] };
  while (i < pattern.length) {
    const ch = pattern[i]!;
    let text: string;
    if (ch === "\\") [text, i] = translateEscape(pattern, i, false, state.ignoreCase);
    else if (ch === "[") [text, i] = translateClass(pattern, i, state.ignoreCase);
    else if (ch === "(") [text, i] = translateGroupOpen(pattern, i, state);
    else if (ch === ")") {
      if (state.outer.length === 0) fail(`unexpected ): \`${pattern}\``);
      state.ignoreCase = state.outer.pop()!;
      [text, i] = [")", i + 1];
    } else if (ch === "{") {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat) checkRepeat(repeat);
      [text, i] = repeat ? [repeat[0], i + repeat[0].length] : ["\\{", i + 1];
    } else {
      const variants = state.ignoreCase ? caseVariants(ch) : "";
      [text, i] = [variants ? `[${ch}${variants}]` : ch === "}" || ch === "]" ? `\\${ch}` : ch, i + 1];
    }
    out += text;
  }
  if (state.outer.length > 0) fail(`missing closing ): \`${pattern}\``);
  return out;
}

function checkRepeat(repeat: RegExpExecArray): void {
  const min = Number(repeat[1]);
  const max = repeat[3] ? Number(repeat[3]) : min;
  if (min > 1000 || max > 1000) fail(`invalid repeat count: \`${repeat[0]}\``);
  if (max < min) fail(`invalid repeat count: \`${repeat[0]}\``);
}

function translateGroupOpen(pattern: string, i: number, state: CaseState): [string, number] {
  if (pattern[i + 1] !== "?") {
    state.outer.push(state.ignoreCase);
    return ["(", i + 1];
  }
  const rest = pattern.slice(i);
  const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
  const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(:|\))/.exec(rest);
  if (!named && !flags) fail(`invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
  if (named) {
    state.outer.push(state.ignoreCase);
    return [`(?<${named[1]}>`, i + named[0].length];
  }
  const [whole, on = "", off = "", end] = flags!;
  if (/[^is]/.test(on + off)) fail(`invalid or unsupported Perl syntax: \`${whole}\` (only the i and s flags are supported)`);
  // `s` is on for the whole pattern already, as in Prometheus; only `i` changes anything here.
  const ignoreCase = on.includes("i") ? true : off.includes("i") ? false : state.ignoreCase;
  if (end === ")") {
    state.ignoreCase = ignoreCase;
    return ["", i + whole.length];
  }
  state.outer.push(state.ignoreCase);
  state.ignoreCase = ignoreCase;
  return ["(?:", i + whole.length];
}

/** Returns the JS text for the escape at `i` and the index after it. */
export function translateEscape(pattern: string, i: number, inClass: boolean, ignoreCase = false): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined) fail("trailing backslash at end of expression");
  if (next === "Q") return quoteLiteral(pattern, i + 2, inClass, ignoreCase);
  if (next === "A" && !inClass) return ["^", i + 2];
  if (next === "z" && !inClass) return ["(?![^])", i + 2];
  if (next === "s") return [inClass ? GO_SPACE : `[${GO_SPACE}]`, i + 2];
  if (next === "S" && !inClass) return [`[^${GO_SPACE}]`, i + 2];
  if (next === "a") return ["\\x07", i + 2];
  if (next === "x") return hexEscape(pattern, i);
  if (next === "p" || next === "P") return unicodeClass(pattern, i);
  if (/[0-7]/.test(next)) return octalEscape(pattern, i);
  if (SIMPLE_ESCAPES.has(next)) {
    if (inClass && (next === "b" || next === "B")) fail(`invalid escape sequence: \`\\${next}\``);
    return [`\\${next}`, i + 2];
  }
  if (/[A-Za-z0-9]/.test(next)) fail(`invalid escape sequence: \`\\${next}\``);
  return [escapeLiteral(next, inClass), i + 2];
}

function escapeLiteral(ch: string, inClass: boolean): string {
  if (JS_SYNTAX.has(ch) || (inClass && ch === "-")) return `\\${ch}`;
  return ch;
}

function quoteLiteral(pattern: string, start: number, inClass: boolean, ignoreCase: boolean): [string, number] {
  const end = pattern.indexOf("\\E", start);
  const text = end < 0 ? pattern.slice(start) : pattern.slice(start, end);
  const escaped = [...text]
    .map((c) => {
      const variants = ignoreCase && !inClass ? caseVariants(c) : "";
      return variants ? `[${c}${variants}]` : escapeLiteral(c, inClass);
    })
    .join("");
  return [escaped, end < 0 ? pattern.length : end + 2];
}

function hexEscape(pattern: string, i: number): [string, number] {
  const rest = pattern.slice(i);
  const braced = /^\\x\{([0-9A-Fa-f]{1,6})\}/.exec(rest);
  if (braced) {
    if (parseInt(braced[1]!, 16) > 0x10ffff) fail(`invalid escape sequence: \`${braced[0]}\``);
    return [`\\u{${braced[1]}}`, i + braced[0].length];
  }
  const plain = /^\\x[0-9A-Fa-f]{2}/.exec(rest);
  if (!plain) fail(`invalid escape sequence: \`${rest.slice(0, 4)}\``);
  return [plain[0], i + 4];
}

function octalEscape(pattern: string, i: number): [string, number] {
  const digits = /^[0-7]{1,3}/.exec(pattern.slice(i + 1))![0];
  // Go reads \1-\9 as backreferences, which RE2 refuses; only \0 starts an octal escape.
  if (digits[0] !== "0" && digits.length === 1) fail(`invalid escape sequence: \`\\${digits}\``);
  return [`\\u{${parseInt(digits, 8).toString(16)}}`, i + 1 + digits.length];
}

function unicodeClass(pattern: string, i: number): [string, number] {
  const kind = pattern[i + 1]!;
  const rest = pattern.slice(i + 2);
  const braced = /^\{\^?([A-Za-z_]+)\}/.exec(rest);
  if (braced) {
    const negate = braced[0][1] === "^" ? (kind === "p" ? "P" : "p") : kind;
    return [`\\${negate}{${unicodeName(braced[1]!)}}`, i + 2 + braced[0].length];
  }
  const single = /^[A-Za-z]/.exec(rest);
  if (!single) fail(`invalid character class range: \`\\${kind}\``);
  return [`\\${kind}{${single[0]}}`, i + 3];
}

/** Go names scripts bare (`Greek`); JS wants them as `Script=Greek` unless they are categories. */
function unicodeName(name: string): string {
  if (/^[A-Z][a-z]?$/.test(name) || name === "Any") return name === "Any" ? "Any" : name;
  return `Script=${name}`;
}
