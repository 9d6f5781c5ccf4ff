import { caseVariants, fail, translateEscape } from "./goRegexEscape";

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

function classChar(ch: string): string {
  return ch === "[" || ch === "]" || ch === "\\" || ch === "^" ? `\\${ch}` : ch;
}

/** ASCII letters inside lo-hi, mapped to the other case, as extra ranges. */
function foldedRanges(lo: number, hi: number): string {
  let out = "";
  const span = (from: number, to: number, shift: number) => {
    const a = Math.max(lo, from);
    const b = Math.min(hi, to);
    if (a <= b) out += `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  };
  span(0x61, 0x7a, -32);
  span(0x41, 0x5a, 32);
  return out;
}

/** Translates the class starting at `start` (a `[`); returns the JS text and the index after the `]`. */
export function translateClass(pattern: string, start: number, ignoreCase: boolean): [string, number] {
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
    } else if (pattern[i + 1] === "-" && pattern[i + 2] !== undefined && pattern[i + 2] !== "]" && pattern[i + 2] !== "\\") {
      const end = pattern[i + 2]!;
      if (end.charCodeAt(0) < ch.charCodeAt(0)) fail(`invalid character class range: \`${ch}-${end}\``);
      out += `${classChar(ch)}-${classChar(end)}`;
      if (ignoreCase) out += foldedRanges(ch.charCodeAt(0), end.charCodeAt(0));
      i += 3;
    } else {
      out += classChar(ch) + (ignoreCase ? caseVariants(ch) : "");
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
