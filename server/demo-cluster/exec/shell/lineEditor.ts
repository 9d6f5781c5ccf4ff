import type { InputQueue } from "./inputQueue";

/** What a terminal read gives: a line, Ctrl-C, or Ctrl-D on an empty line (end of input). */
export type LineResult = { kind: "line"; text: string } | { kind: "interrupt" } | { kind: "eof" };

export const maxLineLength = 4096;
const bell = "\x07";

/**
 * The terminal's canonical mode, done here because there is no real pty: echo, backspace,
 * Ctrl-U, Ctrl-C, Ctrl-D, Enter; escape sequences (arrow keys) are swallowed.
 */
export class LineEditor {
  constructor(private readonly input: InputQueue, private readonly echo: (text: string) => void) {}

  async readLine(signal?: AbortSignal): Promise<LineResult> {
    let line = "";
    for (;;) {
      const chunk = await this.input.read(signal);
      if (chunk === null) return line.length > 0 ? { kind: "line", text: line } : { kind: "eof" };
      for (let i = 0; i < chunk.length; i++) {
        const outcome = this.apply(chunk, i, line);
        if (outcome.result) {
          this.input.unread(chunk.slice(outcome.next));
          return outcome.result;
        }
        line = outcome.line;
        i = outcome.next - 1;
      }
    }
  }

  private apply(chunk: string, i: number, line: string): { line: string; next: number; result?: LineResult } {
    const char = chunk[i]!;
    const next = i + 1;
    switch (char) {
      case "\r":
      case "\n":
        this.echo("\r\n");
        return { line, next: char === "\r" && chunk[next] === "\n" ? next + 1 : next, result: { kind: "line", text: line } };
      case "\x03":
        this.echo("^C\r\n");
        return { line: "", next, result: { kind: "interrupt" } };
      case "\x04":
        return line.length === 0 ? { line, next, result: { kind: "eof" } } : { line, next };
      case "\x7f":
      case "\b":
        if (line.length > 0) this.echo("\b \b");
        return { line: line.slice(0, -1), next };
      case "\x15":
        this.echo("\b \b".repeat(line.length));
        return { line: "", next };
      case "\x1b":
        return { line, next: skipEscape(chunk, next) };
      default:
        if (char < " " && char !== "\t") return { line, next };
        if (line.length >= maxLineLength) {
          this.echo(bell);
          return { line, next };
        }
        this.echo(char);
        return { line: line + char, next };
    }
  }
}

/** Skips a CSI/SS3 sequence such as ESC [ A (arrow up) so it does not land in the line. */
function skipEscape(chunk: string, from: number): number {
  if (chunk[from] !== "[" && chunk[from] !== "O") return from;
  let i = from + 1;
  while (i < chunk.length && !/[A-Za-z~]/.test(chunk[i]!)) i++;
  return Math.min(chunk.length, i + 1);
}
