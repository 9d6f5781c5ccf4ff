/**
 * Go string literals as PromQL reads them. Bytes that are not valid UTF-8 (`"\xff"`) are kept as
 * lone surrogates U+DC80..U+DCFF so the evaluator can still tell the string is not valid UTF-8.
 */

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };

/** The value of a quoted token (`"a\n"`, `'a'`, `` `raw` ``); throws the Prometheus message on a bad escape. */
export function unquoteString(token: string): string {
  const quote = token[0];
  const body = token.slice(1, -1);
  if (quote === "`") return body;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? "";
    if (ch !== "\\") {
      const code = body.codePointAt(i) ?? 0;
      if (code > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(code)));
      continue;
    }
    i = readEscape(body, i + 1, quote ?? '"', bytes);
  }
  return decodeBytes(bytes);
}

function readEscape(body: string, at: number, quote: string, bytes: number[]): number {
  const ch = body[at] ?? "";
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return pushed(bytes, [simple], at);
  if (ch === quote) return pushed(bytes, [ch.charCodeAt(0)], at);
  if (/[0-7]/.test(ch)) return readNumeric(body, at, 3, 8, bytes, true);
  if (ch === "x") return readNumeric(body, at + 1, 2, 16, bytes, true);
  if (ch === "u") return readNumeric(body, at + 1, 4, 16, bytes, false);
  if (ch === "U") return readNumeric(body, at + 1, 8, 16, bytes, false);
  throw new Error(ch === "" ? "escape sequence not terminated" : `unknown escape sequence ${describeRune(ch)}`);
}

function pushed(bytes: number[], values: number[], at: number): number {
  bytes.push(...values);
  return at;
}

function readNumeric(body: string, at: number, length: number, base: number, bytes: number[], asByte: boolean): number {
  const digits = body.slice(at, at + length);
  const valid = base === 8 ? /^[0-7]$/ : /^[0-9a-fA-F]$/;
  const bad = [...digits].find((digit) => !valid.test(digit));
  if (bad !== undefined) throw new Error(`illegal character ${describeRune(bad)} in escape sequence`);
  if (digits.length !== length) throw new Error("escape sequence not terminated");
  const value = parseInt(digits, base);
  if (asByte) {
    if (value > 255) throw new Error("octal escape value > 255");
    bytes.push(value);
  } else {
    if (value > 0x10ffff || (value >= 0xd800 && value < 0xe000)) throw new Error("escape sequence is an invalid Unicode code point");
    bytes.push(...new TextEncoder().encode(String.fromCodePoint(value)));
  }
  return at + length - 1;
}

function describeRune(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")} '${ch}'`;
}

/** UTF-8 bytes to a string; each byte of an invalid sequence becomes U+DC80+byte. */
export function decodeBytes(bytes: number[]): string {
  const buffer = Uint8Array.from(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return decodeLossless(buffer);
  }
}

function decodeLossless(buffer: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < buffer.length) {
    const length = sequenceLength(buffer, i);
    if (length === 0) {
      out += String.fromCharCode(0xdc00 + (buffer[i] ?? 0));
      i++;
      continue;
    }
    out += new TextDecoder().decode(buffer.subarray(i, i + length));
    i += length;
  }
  return out;
}

function sequenceLength(buffer: Uint8Array, at: number): number {
  const lead = buffer[at] ?? 0;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
  if (length === 0) return 0;
  for (let k = 1; k < length; k++) {
    const next = buffer[at + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(at, at + length));
    return length;
  } catch {
    return 0;
  }
}

/** Go's strconv.Quote: double quotes, escapes for controls and invalid bytes, printable Unicode kept. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    out += quoteRune(ch);
  }
  return out + '"';
}

const QUOTED_CONTROLS: Record<string, string> = {
  "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", '"': '\\"', "\\": "\\\\",
};

function quoteRune(ch: string): string {
  const named = QUOTED_CONTROLS[ch];
  if (named !== undefined) return named;
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16).padStart(2, "0")}`;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code >= 0xd800 && code < 0xe000) return "\\ufffd";
  if (/[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]/u.test(ch)) return ch;
  return code > 0xffff ? `\\U${code.toString(16).padStart(8, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
