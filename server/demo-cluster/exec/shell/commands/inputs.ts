import type { CommandContext } from "../commandTypes";
import { FsError, resolvePath } from "../fakeFs";
import { readAll } from "../streams";

export interface NamedText {
  name: string;
  text: string;
}

/** Reads each named file (or stdin for none or "-"), reporting unreadable ones GNU-style. */
export async function readInputs(ctx: CommandContext, command: string, files: string[]): Promise<{ inputs: NamedText[]; failed: boolean }> {
  const inputs: NamedText[] = [];
  let failed = false;
  for (const name of files.length ? files : ["-"]) {
    if (name === "-") {
      inputs.push({ name: "-", text: await readAll(ctx.stdin, ctx.signal) });
      continue;
    }
    try {
      inputs.push({ name, text: ctx.host.fs.readFile(resolvePath(ctx.scope.cwd, name)) });
    } catch (error) {
      ctx.stderr.write(`${command}: ${name}: ${error instanceof FsError ? error.message : String(error)}\n`);
      failed = true;
    }
  }
  return { inputs, failed };
}

/** Splits argv into flags (single-dash letters, or -n N style values) and operands. */
export function splitArgs(args: string[], valued: string[] = []): { flags: Set<string>; values: Map<string, string>; operands: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      operands.push(arg);
      continue;
    }
    if (arg.startsWith("--")) {
      flags.add(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (valued.includes(letter)) {
        values.set(letter, arg.slice(j + 1) || (args[++i] ?? ""));
        break;
      }
      flags.add(letter);
    }
  }
  return { flags, values, operands };
}
