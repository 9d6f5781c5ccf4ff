import { type CommandContext, ExitSignal, type InputSource, type Output, type ShellHost, ShellScope } from "./commandTypes";
import { binaryNames, commandRegistry } from "./commands/registry";
import type { ContainerFacts } from "./containerFacts";
import { baseName, resolvePath } from "./fakeFs";
import type { InputQueue } from "./inputQueue";
import { Interpreter } from "./interpreter";
import { buildPodTree } from "./podFiles";
import { SessionFs } from "./sessionFs";
import { emptyInput } from "./streams";
import { TerminalInput } from "./terminalInput";

export interface ExecOptions {
  tty: boolean;
  /** Whether the client sends stdin at all. */
  stdin: boolean;
  width?: number;
  height?: number;
  now?: () => number;
  /** Longest a single command may wait (sleep, top), in ms. */
  maxWaitMs?: number;
  /** Waits for the client to take pending output; commands pause on it between steps. */
  drainOutput?: () => Promise<void>;
}

/** One exec session's container: its own overlay over the pod's files, and its own PIDs. */
export function createShellHost(facts: ContainerFacts, input: InputQueue, options: ExecOptions): ShellHost {
  const now = options.now ?? Date.now;
  const base = buildPodTree(facts, binaryNames(facts.traits.hasBash), now);
  const shellPid = 7 + (facts.seed % 40) + Math.floor(Math.random() * 200);
  let pid = shellPid;
  return {
    fs: new SessionFs(base, now),
    facts,
    now,
    terminal: options.tty ? { width: options.width ?? 80, height: options.height ?? 24, input } : undefined,
    shellPid,
    shellStartMs: now(),
    nextPid: () => (pid += 1 + Math.floor(Math.random() * 3)),
    maxWaitMs: options.maxWaitMs ?? 5 * 60_000,
    drainOutput: options.drainOutput ?? (() => Promise.resolve()),
  };
}

/** What the container runtime says when argv[0] is not a program in the image. */
export function notExecutable(name: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;
}

function isProgram(name: string, host: ShellHost): boolean {
  const program = name.includes("/") ? baseName(name) : name;
  const listed = binaryNames(host.facts.traits.hasBash).includes(program);
  return listed && (!name.includes("/") || host.fs.stat(resolvePath("/", name))?.kind === "file");
}

/**
 * Runs an exec request's argv like the container runtime would (no shell parsing of argv):
 * 126 with the runtime's message when argv[0] is not in the image.
 */
export async function runExecProgram(argv: string[], host: ShellHost, io: { input: InputQueue; stdout: Output; stderr: Output }, signal: AbortSignal, options: ExecOptions): Promise<number> {
  const name = argv[0] ?? "";
  if (!isProgram(name, host)) {
    io.stdout.write(notExecutable(name));
    return 126;
  }
  const env = new Map(host.facts.env);
  if (options.tty) env.set("TERM", "xterm");
  const cwd = host.fs.stat(host.facts.traits.workdir)?.kind === "dir" ? host.facts.traits.workdir : "/";
  const scope = new ShellScope("sh", env, cwd);
  const stdin: InputSource = !options.stdin ? emptyInput : options.tty ? new TerminalInput(io.input, io.stdout) : io.input;
  const interpreter = new Interpreter(host, commandRegistry);
  const ctx: CommandContext = { argv, stdin, stdout: io.stdout, stderr: io.stderr, scope, host, env, signal, shell: interpreter };
  return runWithInterrupt(ctx, host, (interruptible) => interpreter.runArgv(argv, { ...ctx, signal: interruptible }));
}

/** On a terminal, Ctrl-C stops a program that is not a shell (shells handle it themselves). */
async function runWithInterrupt(ctx: CommandContext, host: ShellHost, run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const program = baseName(ctx.argv[0] ?? "");
  const controller = new AbortController();
  const forward = () => controller.abort();
  ctx.signal.addEventListener("abort", forward, { once: true });
  if (host.terminal && program !== "sh" && program !== "bash") {
    host.terminal.input.onInterrupt = () => {
      ctx.stdout.write("^C\n");
      controller.abort();
    };
  }
  try {
    const status = await run(controller.signal);
    return controller.signal.aborted && !ctx.signal.aborted ? 130 : status;
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    throw error;
  } finally {
    ctx.signal.removeEventListener("abort", forward);
    if (host.terminal) host.terminal.input.onInterrupt = undefined;
  }
}
