// Splits a command line into words (with their quoting kept) and operators, as sh does.

export type WordPart =
  | { kind: "text"; text: string; quoted: boolean }
  | { kind: "param"; name: string; quoted: boolean }
  | { kind: "subst"; script: string; quoted: boolean }
  | { kind: "tilde" };

export interface Word {
  parts: WordPart[];
}

export type Operator = ";" | "\n" | "&" | "&&" | "||" | "|" | "<" | ">" | ">>" | "2>" | "2>>" | "2>&1" | ">&2";
export type Token = { type: "word"; word: Word } | { type: "op"; op: Operator };

export class ShellSyntaxError extends Error {}

const operatorStarts = new Set([";", "\n", "&", "|", "<", ">"]);
const specialParams = new Set(["?", "$", "#", "@", "*", "!", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

export class Lexer {
  private i = 0;
  private tokens: Token[] = [];
  private parts: WordPart[] = [];
  private inWord = false;

  constructor(private readonly src: string) {}

  tokenize(): Token[] {
    while (this.i < this.src.length) this.step();
    this.endWord();
    return this.tokens;
  }

  private step(): void {
    const c = this.src[this.i]!;
    if (c === " " || c === "\t") return this.skip(() => this.endWord());
    if (c === "#" && !this.inWord) return this.skipComment();
    if (operatorStarts.has(c)) return this.operator();
    this.inWord = true;
    if (c === "'") return this.singleQuoted();
    if (c === '"') return this.doubleQuoted();
    if (c === "\\") return this.escaped();
    if (c === "$" || c === "`") return this.dollar(false);
    if (c === "~" && this.parts.length === 0 && /^(\/|$|[ \t;|&])/.test(this.src.slice(this.i + 1, this.i + 2))) {
      this.parts.push({ kind: "tilde" });
      this.i++;
      return;
    }
    this.text(c, false);
    this.i++;
  }

  private skip(then: () => void): void {
    this.i++;
    then();
  }

  private skipComment(): void {
    while (this.i < this.src.length && this.src[this.i] !== "\n") this.i++;
  }

  private operator(): void {
    const rest = this.src.slice(this.i);
    const fdTwo = this.parts.length === 1 && this.parts[0]!.kind === "text" && !this.parts[0]!.quoted && this.parts[0]!.text === "2" && rest.startsWith(">");
    if (fdTwo) this.parts = [];
    this.endWord();
    const candidates: Operator[] = fdTwo ? [">&1", ">>", ">"].map((s) => `2${s}` as Operator) : ["&&", "||", ">>", ">&2", ";", "\n", "&", "|", "<", ">"];
    for (const op of candidates) {
      const text = fdTwo ? op.slice(1) : op;
      if (rest.startsWith(text)) {
        this.tokens.push({ type: "op", op });
        this.i += text.length;
        return;
      }
    }
    throw new ShellSyntaxError(`unexpected "${rest[0]}"`);
  }

  private singleQuoted(): void {
    const end = this.src.indexOf("'", this.i + 1);
    if (end < 0) throw new ShellSyntaxError("unterminated quoted string");
    this.text(this.src.slice(this.i + 1, end), true);
    this.i = end + 1;
  }

  private doubleQuoted(): void {
    this.i++;
    for (;;) {
      if (this.i >= this.src.length) throw new ShellSyntaxError("unterminated quoted string");
      const c = this.src[this.i]!;
      if (c === '"') {
        this.text("", true);
        this.i++;
        return;
      }
      if (c === "\\" && /["\\$`\n]/.test(this.src[this.i + 1] ?? "")) {
        if (this.src[this.i + 1] !== "\n") this.text(this.src[this.i + 1]!, true);
        this.i += 2;
      } else if (c === "$" || c === "`") {
        this.dollar(true);
      } else {
        this.text(c, true);
        this.i++;
      }
    }
  }

  private escaped(): void {
    const next = this.src[this.i + 1];
    if (next !== undefined && next !== "\n") this.text(next, true);
    this.i += 2;
  }

  private dollar(quoted: boolean): void {
    const rest = this.src.slice(this.i);
    if (rest.startsWith("$(")) return this.substitution(quoted, 2, ")");
    if (rest.startsWith("`")) return this.substitution(quoted, 1, "`");
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])\}/.exec(rest);
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    const name = braced?.[1] ?? plain?.[1] ?? (specialParams.has(rest[1] ?? "") ? rest[1] : undefined);
    if (name === undefined) {
      if (rest.startsWith("${")) throw new ShellSyntaxError(`\${${rest.slice(2).split("}")[0]}}: bad substitution`);
      this.text("$", quoted);
      this.i++;
      return;
    }
    this.parts.push({ kind: "param", name, quoted });
    this.i += braced ? braced[0].length : plain ? plain[0].length : 2;
  }

  private substitution(quoted: boolean, open: number, close: ")" | "`"): void {
    let depth = 1;
    let j = this.i + open;
    for (; j < this.src.length && depth > 0; j++) {
      const c = this.src[j];
      if (c === "'" && close === ")") j = Math.max(j, this.src.indexOf("'", j + 1));
      else if (close === ")" && c === "(") depth++;
      else if (c === close) depth--;
      if (j < 0) break;
    }
    if (depth > 0 || j < 0) throw new ShellSyntaxError(close === ")" ? "unterminated $(...)" : "unterminated `...`");
    this.parts.push({ kind: "subst", script: this.src.slice(this.i + open, j - 1), quoted });
    this.i = j;
  }

  private text(text: string, quoted: boolean): void {
    this.inWord = true;
    const last = this.parts.at(-1);
    if (last?.kind === "text" && last.quoted === quoted) last.text += text;
    else this.parts.push({ kind: "text", text, quoted });
  }

  private endWord(): void {
    if (this.inWord) this.tokens.push({ type: "word", word: { parts: this.parts } });
    this.parts = [];
    this.inWord = false;
  }
}

export function tokenize(src: string): Token[] {
  return new Lexer(src).tokenize();
}
