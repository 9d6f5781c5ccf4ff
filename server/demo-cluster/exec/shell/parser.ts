import { ShellSyntaxError, tokenize, type Operator, type Token, type Word } from "./lexer";

export interface Redirect {
  fd: 0 | 1 | 2;
  op: "<" | ">" | ">>" | "dup";
  /** A file name, or for "dup" the descriptor to copy (2>&1 → 1). */
  target: Word | 1 | 2;
}

export interface SimpleCommand {
  assignments: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  negated: boolean;
  commands: SimpleCommand[];
}

export interface AndOrList {
  head: Pipeline;
  tail: { op: "&&" | "||"; pipeline: Pipeline }[];
}

export type Script = AndOrList[];

const separators = new Set<Operator>([";", "\n", "&"]);
const redirectOps: Partial<Record<Operator, Omit<Redirect, "target"> & { dup?: 1 | 2 }>> = {
  "<": { fd: 0, op: "<" }, ">": { fd: 1, op: ">" }, ">>": { fd: 1, op: ">>" }, "2>": { fd: 2, op: ">" }, "2>>": { fd: 2, op: ">>" },
  "2>&1": { fd: 2, op: "dup", dup: 1 }, ">&2": { fd: 1, op: "dup", dup: 2 },
};

const plainText = (word: Word): string | undefined =>
  word.parts.length === 1 && word.parts[0]!.kind === "text" && !word.parts[0]!.quoted ? word.parts[0]!.text : undefined;

/** Parses `a | b && c; d` into lists of and-or chains of pipelines of simple commands. */
export class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parseScript(): Script {
    const script: Script = [];
    for (;;) {
      while (this.peekOp() && separators.has(this.peekOp()!)) this.pos++;
      if (this.pos >= this.tokens.length) return script;
      script.push(this.parseAndOr());
      const next = this.peekOp();
      if (this.pos < this.tokens.length && !(next && separators.has(next))) throw this.unexpected();
    }
  }

  private parseAndOr(): AndOrList {
    const list: AndOrList = { head: this.parsePipeline(), tail: [] };
    for (let op = this.peekOp(); op === "&&" || op === "||"; op = this.peekOp()) {
      this.pos++;
      while (this.peekOp() === "\n") this.pos++;
      list.tail.push({ op, pipeline: this.parsePipeline() });
    }
    return list;
  }

  private parsePipeline(): Pipeline {
    const first = this.tokens[this.pos];
    const negated = first?.type === "word" && plainText(first.word) === "!";
    if (negated) this.pos++;
    const commands = [this.parseCommand()];
    while (this.peekOp() === "|") {
      this.pos++;
      while (this.peekOp() === "\n") this.pos++;
      commands.push(this.parseCommand());
    }
    return { negated, commands };
  }

  private parseCommand(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirects: [] };
    for (let token = this.tokens[this.pos]; token; token = this.tokens[this.pos]) {
      if (token.type === "op") {
        const spec = redirectOps[token.op];
        if (!spec) break;
        this.pos++;
        command.redirects.push(spec.dup ? { fd: spec.fd, op: "dup", target: spec.dup } : { fd: spec.fd, op: spec.op, target: this.expectWord() });
        continue;
      }
      this.pos++;
      const assignment = command.words.length === 0 ? asAssignment(token.word) : undefined;
      if (assignment) command.assignments.push(assignment);
      else command.words.push(token.word);
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) throw this.unexpected();
    return command;
  }

  private expectWord(): Word {
    const token = this.tokens[this.pos];
    if (token?.type !== "word") throw this.unexpected();
    this.pos++;
    return token.word;
  }

  private peekOp(): Operator | undefined {
    const token = this.tokens[this.pos];
    return token?.type === "op" ? token.op : undefined;
  }

  private unexpected(): ShellSyntaxError {
    const token = this.tokens[this.pos];
    if (!token) return new ShellSyntaxError("unexpected end of file");
    return new ShellSyntaxError(`unexpected "${token.type === "op" ? (token.op === "\n" ? "newline" : token.op) : "word"}"`);
  }
}

/** NAME=value at the start of a command sets a variable rather than naming a program. */
function asAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (first?.kind !== "text" || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  return { name: match[1]!, value: { parts: [...(rest ? [{ ...first, text: rest }] : []), ...word.parts.slice(1)] } };
}

export function parseScript(src: string): Script {
  return new Parser(tokenize(src)).parseScript();
}
