import type { ContainerFacts } from "./containerFacts";
import type { InputQueue } from "./inputQueue";
import type { SessionFs } from "./sessionFs";

export interface Output {
  write(text: string): void;
}

export interface InputSource {
  /** The next chunk of input; null at its end or when `signal` aborts. */
  read(signal?: AbortSignal): Promise<string | null>;
}

/** Thrown by `exit`: unwinds to the shell that owns the scope. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

export type ShellName = "sh" | "bash";

/** How deeply shells, subshells and $(…) may nest: a script that runs itself must not run forever. */
export const maxNesting = 32;

/** What a shell prints when one more nested shell would pass maxNesting. */
export const tooDeep = (shellName: ShellName) => `${shellName}: too many nested shells (more than ${maxNesting})\n`;

/** A shell's variables and working directory; `sh -c` and $(…) get a copy, like a subshell. */
export class ShellScope {
  lastStatus = 0;

  constructor(
    readonly shellName: ShellName,
    readonly vars: Map<string, string>,
    public cwd: string,
    readonly positional: string[] = [],
    readonly depth = 0,
  ) {}

  get canNest(): boolean {
    return this.depth < maxNesting;
  }

  child(shellName: ShellName = this.shellName, positional: string[] = []): ShellScope {
    return new ShellScope(shellName, new Map(this.vars), this.cwd, positional, this.depth + 1);
  }
}

/** The terminal of a tty session: its size and raw keystrokes (for top's 'q'). */
export interface Terminal {
  width: number;
  height: number;
  input: InputQueue;
}

/** What every command of one exec session shares: the container and the session's limits. */
export interface ShellHost {
  fs: SessionFs;
  facts: ContainerFacts;
  now(): number;
  terminal?: Terminal;
  shellPid: number;
  shellStartMs: number;
  nextPid(): number;
  /** Longest a command may sleep or wait, in ms. */
  maxWaitMs: number;
  /** Resolves when the client has taken most of what was written (backpressure between commands). */
  drainOutput(): Promise<void>;
}

export interface CommandContext {
  /** argv[0] is the name the command was called by. */
  argv: string[];
  stdin: InputSource;
  stdout: Output;
  stderr: Output;
  scope: ShellScope;
  host: ShellHost;
  /** The environment this command sees: exported variables plus NAME=value prefixes. */
  env: Map<string, string>;
  signal: AbortSignal;
  /** Runs another command line or argv, for sh, env and friends. */
  shell: ShellRunner;
}

export interface ShellRunner {
  runArgv(argv: string[], ctx: CommandContext): Promise<number>;
  runShell(ctx: CommandContext, shellName: ShellName): Promise<number>;
}

export type Command = (ctx: CommandContext) => number | Promise<number>;
