import type { InputSource, Output, ShellHost, ShellScope } from "./commandTypes";
import { FsError, resolvePath } from "./fakeFs";
import { type ExpandContext, expandToString } from "./expand";
import type { Word } from "./lexer";
import type { Redirect } from "./parser";
import { BufferOutput, emptyInput, nullOutput, StringInput } from "./streams";

export interface Io {
  stdin: InputSource;
  stdout: Output;
  stderr: Output;
}

export interface RedirectedIo {
  io: Io;
  /** Writes what went to files into the overlay; returns an error message if that failed. */
  flush(): string | undefined;
}

const fileLimit = 256 * 1024;

function cannot(scope: ShellScope, verb: "open" | "create", name: string, error: unknown): string {
  const reason = error instanceof FsError ? error.message : String(error);
  return scope.shellName === "bash" ? `bash: ${name}: ${reason}\n` : `${scope.shellName}: can't ${verb} ${verb === "open" ? `'${name}'` : name}: ${reason}\n`;
}

/** Applies <, >, >>, 2>, 2>&1 and >&2 in order; files are written when the command ends. */
export async function applyRedirects(redirects: Redirect[], io: Io, scope: ShellScope, host: ShellHost, expand: ExpandContext): Promise<RedirectedIo | { error: string }> {
  const result: Io = { ...io };
  const files: { path: string; buffer: BufferOutput }[] = [];
  for (const redirect of redirects) {
    if (redirect.op === "dup") {
      if (redirect.fd === 2) result.stderr = result.stdout;
      else result.stdout = result.stderr;
      continue;
    }
    const name = await expandToString(redirect.target as Word, expand);
    const path = resolvePath(scope.cwd, name);
    if (redirect.op === "<") {
      try {
        result.stdin = path === "/dev/null" ? emptyInput : new StringInput(host.fs.readFile(path));
      } catch (error) {
        return { error: cannot(scope, "open", name, error) };
      }
      continue;
    }
    const sink = special(path, io) ?? openFile(path, redirect.op === ">>", host, files);
    if (typeof sink === "string") return { error: cannot(scope, "create", name, sink) };
    if (redirect.fd === 1) result.stdout = sink;
    else result.stderr = sink;
  }
  return { io: result, flush: () => flushFiles(files, host, scope) };
}

function special(path: string, io: Io): Output | undefined {
  if (path === "/dev/null") return nullOutput;
  if (path === "/dev/stdout") return io.stdout;
  if (path === "/dev/stderr") return io.stderr;
  return undefined;
}

function openFile(path: string, append: boolean, host: ShellHost, files: { path: string; buffer: BufferOutput }[]): Output | string {
  try {
    host.fs.writeFile(path, "", append);
  } catch (error) {
    return error instanceof FsError ? error.message : String(error);
  }
  const buffer = new BufferOutput(fileLimit);
  files.push({ path, buffer });
  return buffer;
}

function flushFiles(files: { path: string; buffer: BufferOutput }[], host: ShellHost, scope: ShellScope): string | undefined {
  for (const { path, buffer } of files) {
    try {
      host.fs.writeFile(path, buffer.text, true);
    } catch (error) {
      return `${scope.shellName}: write error: ${error instanceof FsError ? error.message : String(error)}\n`;
    }
  }
  return undefined;
}
