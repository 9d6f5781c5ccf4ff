import type { InputSource, Output } from "./commandTypes";

/** Output kept in memory (pipes, $(…), files), cut off at a limit so nothing grows without bound. */
export class BufferOutput implements Output {
  private parts: string[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit = 1024 * 1024) {}

  write(text: string): void {
    if (this.size >= this.limit) {
      this.truncated ||= text.length > 0;
      return;
    }
    const room = this.limit - this.size;
    const kept = text.length > room ? text.slice(0, room) : text;
    this.truncated ||= kept.length < text.length;
    this.parts.push(kept);
    this.size += kept.length;
  }

  get text(): string {
    return this.parts.join("");
  }
}

export const nullOutput: Output = { write: () => undefined };

/** Input that is already all there: a pipe's contents or a file. */
export class StringInput implements InputSource {
  constructor(private text: string | null) {}

  async read(): Promise<string | null> {
    const text = this.text;
    this.text = null;
    return text === "" ? null : text;
  }
}

export const emptyInput: InputSource = { read: async () => null };

/** Reads everything from an input, up to `limit` characters. */
export async function readAll(input: InputSource, signal?: AbortSignal, limit = 1024 * 1024): Promise<string> {
  let text = "";
  for (let chunk = await input.read(signal); chunk !== null; chunk = await input.read(signal)) {
    text += chunk;
    if (text.length >= limit) return text.slice(0, limit);
  }
  return text;
}

/** Splits text into lines, keeping whether the last one ended with a newline. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
