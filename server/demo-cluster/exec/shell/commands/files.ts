import type { Command, CommandContext } from "../commandTypes";
import { FsError, resolvePath } from "../fakeFs";
import { readInputs, splitArgs } from "./inputs";
import { listDirectory } from "./listDirectory";

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Copies stdin to stdout as it arrives, as cat does on a pipe or terminal. */
async function streamStdin(ctx: CommandContext): Promise<void> {
  for (let chunk = await ctx.stdin.read(ctx.signal); chunk !== null; chunk = await ctx.stdin.read(ctx.signal)) {
    ctx.stdout.write(chunk);
    await ctx.host.drainOutput();
  }
}

const cat: Command = async (ctx) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  if (!flags.has("n") && operands.every((o) => o === "-")) {
    await streamStdin(ctx);
    return 0;
  }
  const { inputs, failed } = await readInputs(ctx, "cat", operands);
  let lineNumber = 0;
  for (const { text } of inputs) {
    if (!flags.has("n")) ctx.stdout.write(text);
    else ctx.stdout.write(text.replace(/^(?=.)/gm, () => `${String(++lineNumber).padStart(6)}\t`));
  }
  return failed ? 1 : 0;
};

function eachPath(ctx: CommandContext, operands: string[], command: string, act: (path: string, name: string) => void, describe: (name: string, error: unknown) => string): number {
  if (operands.length === 0) {
    ctx.stderr.write(`${command}: missing operand\n`);
    return 1;
  }
  let status = 0;
  for (const name of operands) {
    try {
      act(resolvePath(ctx.scope.cwd, name), name);
    } catch (error) {
      ctx.stderr.write(`${command}: ${describe(name, error)}\n`);
      status = 1;
    }
  }
  return status;
}

const touch: Command = (ctx) => {
  const { operands } = splitArgs(ctx.argv.slice(1));
  return eachPath(ctx, operands, "touch", (path) => ctx.host.fs.touch(path), (name, e) => `cannot touch '${name}': ${reason(e)}`);
};

const mkdir: Command = (ctx) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  return eachPath(ctx, operands, "mkdir", (path) => ctx.host.fs.mkdir(path, flags.has("p")), (name, e) => `cannot create directory '${name}': ${reason(e)}`);
};

const rm: Command = (ctx) => {
  const { flags, operands } = splitArgs(ctx.argv.slice(1));
  const recursive = flags.has("r") || flags.has("R") || flags.has("--recursive");
  const force = flags.has("f") || flags.has("--force");
  if (operands.length === 0 && force) return 0;
  return eachPath(ctx, operands, "rm", (path, name) => {
    const node = ctx.host.fs.stat(path);
    if (!node && force) return;
    if (node?.kind === "dir" && !recursive) throw new Error(`cannot remove '${name}': Is a directory`);
    ctx.host.fs.remove(path, recursive);
  }, (name, e) => (e instanceof FsError ? `cannot remove '${name}': ${e.message}` : reason(e)));
};

const ls: Command = (ctx) => listDirectory(ctx);

export const fileCommands: Record<string, Command> = { cat, touch, mkdir, rm, ls };
