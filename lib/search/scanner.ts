// Reads the query text piece by piece for the parser: words, quoted strings and /regex/ literals, keeping offsets.
import type { SearchError } from "./ast";

export type Scanned<T> = { ok: true; value: T } | { ok: false; error: SearchError };

/** Builds an error whose message ends its first clause with the 1-based "line:column" of the problem. */
export function searchError(position: number, length: number, problem: string, hint?: string): SearchError {
  const message = `${problem} at 1:${position + 1}${hint ? `; ${hint}` : ""}`;
  return { position, length: Math.max(1, length), message };
}

const comparisonChars = new Set(["<", ">", "="]);

export function isComparisonChar(char: string): boolean {
  return comparisonChars.has(char);
}

export function isSpace(char: string): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r";
}

export class Scanner {
  position = 0;

  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** The character at the cursor (plus offset), or "" past the end. */
  peek(offset = 0): string {
    return this.text.charAt(this.position + offset);
  }

  atTermEnd(): boolean {
    return this.atEnd() || isSpace(this.peek());
  }

  advance(count = 1): void {
    this.position = Math.min(this.text.length, this.position + count);
  }

  skipSpaces(): void {
    while (!this.atEnd() && isSpace(this.peek())) this.position += 1;
  }

  readWhile(accept: (char: string) => boolean): string {
    const start = this.position;
    while (!this.atEnd() && accept(this.peek())) this.position += 1;
    return this.text.slice(start, this.position);
  }

  readUntilSpace(): string {
    return this.readWhile((char) => !isSpace(char));
  }

  /** Reads "…" with \" and \\ escapes; the cursor must be on the opening quote. */
  readQuoted(): Scanned<string> {
    const start = this.position;
    this.advance();
    let value = "";
    while (!this.atEnd() && this.peek() !== '"') {
      if (this.peek() === "\\" && this.position + 1 < this.text.length) this.advance();
      value += this.peek();
      this.advance();
    }
    if (this.atEnd()) {
      return { ok: false, error: searchError(start, this.text.length - start, "unterminated quote", 'expected a closing \'"\'') };
    }
    this.advance();
    return { ok: true, value };
  }

  /** Reads /source/flags; the cursor must be on the opening slash. Only the i flag is allowed. */
  readRegex(): Scanned<RegExp> {
    const start = this.position;
    this.advance();
    const source = this.readRegexSource();
    if (this.atEnd()) {
      return { ok: false, error: searchError(start, this.text.length - start, "unterminated regex", "expected a closing '/'") };
    }
    this.advance();
    if (source === "") return { ok: false, error: searchError(start, 2, "empty regex", "write a pattern between the slashes") };
    const flagsStart = this.position;
    const flags = this.readUntilSpace();
    const badFlag = [...flags].findIndex((flag, index) => flag !== "i" || flags.indexOf(flag) !== index);
    if (badFlag >= 0) {
      const problem = `unknown regex flag '${flags.charAt(badFlag)}'`;
      return { ok: false, error: searchError(flagsStart + badFlag, 1, problem, "only i (ignore case) is allowed") };
    }
    return compileRegex(source, flags, start, this.position - start);
  }

  private readRegexSource(): string {
    let source = "";
    while (!this.atEnd() && this.peek() !== "/") {
      if (this.peek() === "\\" && this.position + 1 < this.text.length) {
        source += this.peek();
        this.advance();
      }
      source += this.peek();
      this.advance();
    }
    return source;
  }
}

function compileRegex(source: string, flags: string, start: number, length: number): Scanned<RegExp> {
  try {
    return { ok: true, value: new RegExp(source, flags) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message.replace(/^Invalid regular expression: /, "") : String(error);
    return { ok: false, error: searchError(start, length, "invalid regex", reason) };
  }
}
