const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`\\{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Go's \s is ASCII whitespace without \v; JS's \s is Unicode-wide. */
const GO_SPACE = "\\t\\n\\f\\r ";
/** Characters a JS `u` regex accepts after a backslash as themselves. */
const JS_SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));
const SIMPLE_ESCAPES = new Set("tnrfvbBdDwWpP".split(""));

class GoRegexError extends Error {}

function fail(detail: string): never {
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

function translate(pattern: string): string {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const [text, next] = translateEscape(pattern, i, false);
      out += text;
      i = next;
    } else if (ch === "[") {
      const [text, next] = translateClass(pattern, i);
      out += text;
      i = next;
    } else if (ch === "(") {
      const [text, next] = translateGroupOpen(pattern, i);
      out += text;
      i = next;
    } else if (ch === "{") {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat) checkRepeat(repeat);
      out += repeat ? repeat[0] : "\\{";
      i += repeat ? repeat[0].length : 1;
    } else {
      out += ch === "}" || ch === "]" ? `\\${ch}` : ch;
      i++;
    }
  }
  return out;
}

function checkRepeat(repeat: RegExpExecArray): void {
  const min = Number(repeat[1]);
  const max = repeat[3] ? Number(repeat[3]) : min;
  if (min > 1000 || max > 1000) fail(`invalid repeat count: \`${repeat[0]}\``);
  if (max < min) fail(`invalid repeat count: \`${repeat[0]}\``);
}

function translateGroupOpen(pattern: string, i: number): [string, number] {
  if (pattern[i + 1] !== "?") return ["(", i + 1];
  const rest = pattern.slice(i);
  const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
  if (named) return [`(?<${named[1]}>`, i + named[0].length];
  if (rest.startsWith("(?:")) return ["(?:", i + 3];
  const flags = /^\(\?([a-zA-Z-]*)(:|\))/.exec(rest);
  if (flags && /^s*$/.test(flags[1]!)) {
    // `s` is already on for the whole pattern; an `s`-only group changes nothing.
    return [flags[2] === ":" ? "(?:" : "", i + flags[0].length];
  }
  if (flags && /^[imsU-]+$/.test(flags[1]!)) fail(`unsupported flag group: \`${flags[0]}\` (only a leading (?i) or (?s) is supported)`);
  fail(`invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
}

/** Returns the JS text for the escape at `i` and the index after it. */
function translateEscape(pattern: string, i: number, inClass: boolean): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined) fail("trailing backslash at end of expression");
  if (next === "Q") return quoteLiteral(pattern, i + 2, inClass);
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

function quoteLiteral(pattern: string, start: number, inClass: boolean): [string, number] {
  const end = pattern.indexOf("\\E", start);
  const text = end < 0 ? pattern.slice(start) : pattern.slice(start, end);
  const escaped = [...text].map((c) => escapeLiteral(c, inClass)).join("");
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

function translateClass(pattern: string, start: number): [string, number] {
  let i = start + 1;
  let out = "[";
  if (pattern[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  for (;;) {
    const ch = pattern[i];
    if (ch === undefined) fail(`missing closing ]: \`${pattern.slice(start)}\``);
    if (ch === "]" && !first) return [`${out}]`, i + 1];
    first = false;
    if (ch === "[" && pattern[i + 1] === ":") {
      const [text, next] = posixClass(pattern, i, out, start);
      out += text;
      i = next;
    } else if (ch === "\\") {
      const [text, next] = translateEscape(pattern, i, true);
      out += text;
      i = next;
    } else {
      out += ch === "[" || ch === "]" ? `\\${ch}` : ch;
      i++;
    }
  }
}

function posixClass(pattern: string, i: number, classSoFar: string, classStart: number): [string, number] {
  const match = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
  if (!match) return ["\\[", i + 1];
  const ranges = POSIX_CLASSES[match[2]!];
  if (ranges === undefined) fail(`invalid character class range: \`${match[0]}\``);
  if (match[1] !== "^") return [ranges, i + match[0].length];
  // A negated POSIX class can only be expressed when it is the whole class.
  const closes = pattern[i + match[0].length] === "]";
  if (classSoFar !== "[" || !closes) {
    fail(`negated POSIX class inside a larger class is not supported: \`${pattern.slice(classStart, i + match[0].length + 1)}\``);
  }
  return [`^${ranges}`, i + match[0].length];
}
