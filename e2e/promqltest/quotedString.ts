const SIMPLE_ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", "'": "'", '"': '"' };

/** Reads a PromQL string literal ("…", '…' or `…`) starting at `start`; returns its value and the index after the closing quote. */
export function readQuotedString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  if (quote !== '"' && quote !== "'" && quote !== "`") throw new Error(`expected a quoted string at column ${start + 1}`);
  if (quote === "`") {
    const close = text.indexOf("`", start + 1);
    if (close < 0) throw new Error("unterminated raw string");
    return { value: text.slice(start + 1, close), end: close + 1 };
  }
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch !== "\\") {
      value += ch;
      i++;
      continue;
    }
    const escaped = readEscape(text, i + 1);
    value += escaped.value;
    i = escaped.end;
  }
  throw new Error("unterminated quoted string");
}

/** Go's escapes inside an interpreted string: single letters, \xHH, \ooo, \uHHHH and \UHHHHHHHH. */
function readEscape(text: string, at: number): { value: string; end: number } {
  const ch = text[at];
  if (ch === undefined) throw new Error("unterminated escape sequence");
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return { value: simple, end: at + 1 };
  const hexDigits = ch === "x" ? 2 : ch === "u" ? 4 : ch === "U" ? 8 : 0;
  if (hexDigits > 0) return { value: codePoint(text.slice(at + 1, at + 1 + hexDigits), 16, hexDigits), end: at + 1 + hexDigits };
  if (ch >= "0" && ch <= "7") return { value: codePoint(text.slice(at, at + 3), 8, 3), end: at + 3 };
  throw new Error(`unknown escape sequence \\${ch}`);
}

function codePoint(digits: string, radix: number, length: number): string {
  const pattern = radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (digits.length !== length || !pattern.test(digits)) throw new Error(`invalid escape digits "${digits}"`);
  return String.fromCodePoint(parseInt(digits, radix));
}

/** Go's strconv.Unquote for the `expect string` line: the whole text must be one "…" or `…` literal. */
export function unquoteWhole(text: string): string {
  if (!text.startsWith('"') && !text.startsWith("`")) throw new Error("expected string literal not valid - a quoted string literal is required");
  const { value, end } = readQuotedString(text, 0);
  if (end !== text.length) throw new Error("expected string literal not valid - check that the string is correctly quoted");
  return value;
}
