import { baseName, parentOf, resolvePath } from "./fakeFs";
import { type Command, type CommandContext, ExitSignal, type ShellHost, type ShellName, type ShellRunner, type ShellScope, tooDeep } from "./commandTypes";
import { type ExpandContext, expandToString, expandWords } from "./expand";
import { ShellSyntaxError } from "./lexer";
import { type AndOrList, parseScript, type Pipeline, type Script, type SimpleCommand } from "./parser";
import { applyRedirects, type Io } from "./redirects";
import { runShellProgram } from "./shellProgram";
import { BufferOutput, emptyInput, StringInput } from "./streams";

const pipeLimit = 1024 * 1024;
const substitutionLimit = 64 * 1024;
const binDirs = new Set(["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"]);

/** Runs parsed command lines against the built-in commands; never starts a host process. */
export class Interpreter implements ShellRunner {
  constructor(private readonly host: ShellHost, private readonly commands: ReadonlyMap<string, Command>) {}

  /** Parses and runs a command line; a syntax error is reported like sh does, with status 2. */
  async runSource(source: string, scope: ShellScope, io: Io, signal: AbortSignal): Promise<number> {
    let script: Script;
    try {
      script = parseScript(source);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      io.stderr.write(scope.shellName === "bash" ? `bash: syntax error: ${error.message}\n` : `sh: syntax error: ${error.message}\n`);
      scope.lastStatus = 2;
      return 2;
    }
    for (const list of script) {
      if (signal.aborted) break;
      await this.runAndOr(list, scope, io, signal);
    }
    return scope.lastStatus;
  }

  private async runAndOr(list: AndOrList, scope: ShellScope, io: Io, signal: AbortSignal): Promise<number> {
    let status = await this.runPipeline(list.head, scope, io, signal);
    for (const { op, pipeline } of list.tail) {
      if (signal.aborted) break;
      if ((op === "&&") === (status === 0)) status = await this.runPipeline(pipeline, scope, io, signal);
    }
    return status;
  }

  /** Pipeline stages run one after another through bounded buffers; each stage is a subshell. */
  private async runPipeline(pipeline: Pipeline, scope: ShellScope, io: Io, signal: AbortSignal): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    const single = pipeline.commands.length === 1;
    for (const [index, command] of pipeline.commands.entries()) {
      const last = index === pipeline.commands.length - 1;
      const stdout = last ? io.stdout : new BufferOutput(pipeLimit);
      const stage = { stdin, stdout, stderr: io.stderr };
      status = single ? await this.runSimple(command, scope, stage, signal) : await subshell(() => this.runSimple(command, scope.child(), stage, signal));
      if (stdout instanceof BufferOutput) stdin = new StringInput(stdout.text);
    }
    status = pipeline.negated ? Number(status === 0) : status;
    scope.lastStatus = status;
    return status;
  }

  private async runSimple(command: SimpleCommand, scope: ShellScope, io: Io, signal: AbortSignal): Promise<number> {
    const expand = this.expandContext(scope, io, signal);
    const argv = await expandWords(command.words, expand);
    const assigned: [string, string][] = [];
    for (const { name, value } of command.assignments) assigned.push([name, await expandToString(value, expand)]);
    const redirected = await applyRedirects(command.redirects, io, scope, this.host, expand);
    if ("error" in redirected) {
      io.stderr.write(redirected.error);
      return 1;
    }
    if (argv.length === 0) {
      for (const [name, value] of assigned) scope.vars.set(name, value);
      return 0;
    }
    const env = new Map(scope.vars);
    for (const [name, value] of assigned) env.set(name, value);
    const status = await this.runArgv(argv, { ...redirected.io, argv, scope, host: this.host, env, signal, shell: this });
    await this.host.drainOutput();
    const failure = redirected.flush();
    if (failure) io.stderr.write(failure);
    return failure ? 1 : status;
  }

  /** Finds and runs argv[0]: 127 when there is no such command, 126 when it is not a program. */
  async runArgv(argv: string[], ctx: CommandContext): Promise<number> {
    const name = argv[0] ?? "";
    const found = this.lookup(name, ctx.scope);
    if (typeof found === "string") {
      ctx.stderr.write(found);
      return found.includes("Permission denied") ? 126 : 127;
    }
    return found({ ...ctx, argv: [name, ...argv.slice(1)] });
  }

  runShell(ctx: CommandContext, shellName: ShellName): Promise<number> {
    return runShellProgram(this, ctx, shellName);
  }

  private lookup(name: string, scope: ShellScope): Command | string {
    const shell = scope.shellName;
    const notFound = shell === "bash" ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`;
    if (!name.includes("/")) {
      if (name === "bash" && !this.host.facts.traits.hasBash) return notFound;
      return this.commands.get(name) ?? notFound;
    }
    const path = resolvePath(scope.cwd, name);
    const node = this.host.fs.stat(path);
    if (!node) return `${shell}: ${name}: not found\n`;
    const command = binDirs.has(parentOf(path)) ? this.commands.get(baseName(path)) : undefined;
    return node.kind === "file" && command ? command : `${shell}: ${name}: Permission denied\n`;
  }

  private expandContext(scope: ShellScope, io: Io, signal: AbortSignal): ExpandContext {
    return {
      scope,
      host: this.host,
      substitute: async (script) => {
        if (!scope.canNest) {
          io.stderr.write(tooDeep(scope.shellName));
          return "";
        }
        const out = new BufferOutput(substitutionLimit);
        const child = scope.child();
        await subshell(() => this.runSource(script, child, { stdin: emptyInput, stdout: out, stderr: io.stderr }, signal));
        scope.lastStatus = child.lastStatus;
        return out.text.replace(/\n+$/, "");
      },
    };
  }
}

/** What a shell says instead of nesting deeper: every level fails on its own, so recursion stops. */

/** A subshell's `exit` ends only the subshell. */
async function subshell(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    throw error;
  }
}
