// Escapes, literal quoting and case folding of Go RE2 patterns, shared by the pattern and class translators.
/** Go's \s is ASCII whitespace without \v; JS's \s is Unicode-wide. */
const GO_SPACE = "\\t\\n\\f\\r ";
/** Characters a JS `u` regex accepts after a backslash as themselves. */
const JS_SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));
const SIMPLE_ESCAPES = new Set("tnrfvbBdDwWpP".split(""));

export class GoRegexError extends Error {}

export function fail(detail: string): never {
  throw new GoRegexError(detail);
}

/** A letter in a case-insensitive part becomes a class of both cases; other characters stay. */
export function caseVariants(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper || [...lower].length !== 1 || [...upper].length !== 1) return "";
  return lower === ch ? upper : lower;
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
