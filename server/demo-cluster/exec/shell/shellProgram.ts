import { type CommandContext, ExitSignal, type ShellName, type ShellScope, tooDeep } from "./commandTypes";
import { FsError, resolvePath } from "./fakeFs";
import { LineEditor } from "./lineEditor";
import type { Io } from "./redirects";
import { isTerminalInput } from "./terminalInput";

/** The part of the interpreter a shell program drives (an interface, so the interpreter may start shell programs). */
interface Interpreter {
  runSource(source: string, scope: ShellScope, io: Io, signal: AbortSignal): Promise<number>;
}

interface ShellArgs {
  script?: string;
  file?: string;
  positional: string[];
}

function parseShellArgs(args: string[]): ShellArgs | string {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-c") {
      if (args[i + 1] === undefined) return "-c requires an argument";
      return { script: args[i + 1], positional: args.slice(i + 3) };
    }
    if (/^-[ilsex]+$/.test(arg) || arg === "--login" || arg === "--norc" || arg === "--noprofile") continue;
    if (arg.startsWith("-") && arg !== "-") return `${arg}: invalid option`;
    return { file: arg, positional: [...positional, ...args.slice(i + 1)] };
  }
  return { positional };
}

/** sh and bash: `-c script`, a script file, a script on stdin, or an interactive shell on a terminal. */
export async function runShellProgram(interp: Interpreter, ctx: CommandContext, shellName: ShellName): Promise<number> {
  const parsed = parseShellArgs(ctx.argv.slice(1));
  if (typeof parsed === "string") {
    ctx.stderr.write(`${shellName}: ${parsed}\n`);
    return 2;
  }
  if (!ctx.scope.canNest) {
    ctx.stderr.write(tooDeep(shellName));
    return 2;
  }
  const scope = ctx.scope.child(shellName, parsed.positional);
  for (const [name, value] of ctx.env) scope.vars.set(name, value);
  const io: Io = { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr };
  try {
    if (parsed.script !== undefined) return await interp.runSource(parsed.script, scope, io, ctx.signal);
    if (parsed.file !== undefined) return await runFile(interp, parsed.file, scope, io, ctx);
    if (ctx.host.terminal && isTerminalInput(ctx.stdin)) return await runInteractive(interp, scope, ctx);
    return await runStdinScript(interp, scope, io, ctx.signal);
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    throw error;
  }
}

async function runFile(interp: Interpreter, file: string, scope: ShellScope, io: Io, ctx: CommandContext): Promise<number> {
  let source: string;
  try {
    source = ctx.host.fs.readFile(resolvePath(scope.cwd, file));
  } catch (error) {
    const reason = error instanceof FsError ? error.message : String(error);
    ctx.stderr.write(scope.shellName === "bash" ? `bash: ${file}: ${reason}\n` : `sh: can't open '${file}': ${reason}\n`);
    return scope.shellName === "bash" ? 127 : 2;
  }
  return interp.runSource(source, scope, io, ctx.signal);
}

/** Commands arriving on a non-terminal stdin run line by line as they come, until its end. */
async function runStdinScript(interp: Interpreter, scope: ShellScope, io: Io, signal: AbortSignal): Promise<number> {
  let pending = "";
  for (let chunk = await io.stdin.read(signal); chunk !== null; chunk = await io.stdin.read(signal)) {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) await interp.runSource(line, scope, io, signal);
  }
  if (pending.trim() !== "" && !signal.aborted) await interp.runSource(pending, scope, io, signal);
  return scope.lastStatus;
}

function prompt(scope: ShellScope, ctx: CommandContext): string {
  const home = scope.vars.get("HOME") ?? "/root";
  if (scope.shellName === "bash") {
    const where = scope.cwd === home ? "~" : scope.cwd.startsWith(`${home}/`) ? `~${scope.cwd.slice(home.length)}` : scope.cwd;
    return `root@${ctx.host.facts.podName}:${where}# `;
  }
  return ctx.host.facts.traits.family === "debian" ? "# " : `${scope.cwd} # `;
}

/** The read-eval loop on a terminal: prompt, line editing, Ctrl-C cancels, Ctrl-D or exit leaves. */
async function runInteractive(interp: Interpreter, scope: ShellScope, ctx: CommandContext): Promise<number> {
  const terminal = ctx.host.terminal!;
  const editor = new LineEditor(terminal.input, (text) => ctx.stdout.write(text));
  const outer = terminal.input.onInterrupt;
  try {
    for (;;) {
      terminal.input.onInterrupt = undefined;
      ctx.stdout.write(prompt(scope, ctx));
      const result = await editor.readLine(ctx.signal);
      if (result.kind === "eof" || ctx.signal.aborted) {
        ctx.stdout.write(scope.shellName === "bash" ? "exit\n" : "\n");
        return scope.lastStatus;
      }
      if (result.kind === "interrupt") scope.lastStatus = 130;
      else if (result.text.trim() !== "") await runLine(interp, scope, ctx, result.text);
    }
  } catch (error) {
    if (error instanceof ExitSignal && scope.shellName === "bash") ctx.stderr.write("exit\n");
    throw error;
  } finally {
    terminal.input.onInterrupt = outer;
  }
}

async function runLine(interp: Interpreter, scope: ShellScope, ctx: CommandContext, line: string): Promise<void> {
  const controller = new AbortController();
  const forward = () => controller.abort();
  ctx.signal.addEventListener("abort", forward, { once: true });
  ctx.host.terminal!.input.onInterrupt = () => {
    ctx.stdout.write("^C\n");
    controller.abort();
  };
  try {
    await interp.runSource(line, scope, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr }, controller.signal);
    if (controller.signal.aborted && !ctx.signal.aborted) scope.lastStatus = 130;
  } finally {
    ctx.signal.removeEventListener("abort", forward);
  }
}
