import { log } from "@/server/log";
import type { ObjectStore } from "../store";
import type { ChannelConnection } from "./channelConnection";
import { Channel, exitStatus, failureStatus } from "./channels";
import type { Output } from "./shell/commandTypes";
import { containerFacts } from "./shell/containerFacts";
import { createShellHost, runExecProgram } from "./shell/execProgram";
import { InputQueue } from "./shell/inputQueue";
import type { StreamTarget } from "./streamTarget";

export interface SessionLimits {
  /** A session with no input for this long is logged out. */
  idleMs: number;
  /** No session lives longer than this. */
  maxSessionMs: number;
  /** Output beyond this many characters ends the session. */
  maxOutputChars: number;
}

export const defaultSessionLimits: SessionLimits = { idleMs: 10 * 60_000, maxSessionMs: 60 * 60_000, maxOutputChars: 64 * 1024 * 1024 };

/** Counts what a session has written, across its output channels. */
interface OutputBudget {
  used: number;
  limit: number;
  onExceeded: () => void;
}

/** An output channel; on a terminal, "\n" becomes "\r\n" as a pty's onlcr does. */
export function channelOutput(conn: ChannelConnection, channel: Channel, enabled: boolean, tty: boolean, budget?: OutputBudget): Output {
  if (!enabled) return { write: () => undefined };
  return {
    write: (text) => {
      if (budget && budget.used > budget.limit) return;
      conn.send(channel, tty ? text.replace(/\r?\n/g, "\r\n") : text);
      if (budget && (budget.used += text.length) > budget.limit) budget.onExceeded();
    },
  };
}

/** Runs one exec in the sandboxed shell and reports its exit code on the error channel. */
export async function runExecSession(conn: ChannelConnection, target: StreamTarget, store: ObjectStore, limits = defaultSessionLimits): Promise<void> {
  const { query } = target;
  const input = new InputQueue();
  const session = new AbortController();
  const budget: OutputBudget = { used: 0, limit: limits.maxOutputChars, onExceeded: () => session.abort() };
  const stdout = channelOutput(conn, Channel.StdOut, query.stdout, query.tty, budget);
  const stderr = query.tty ? stdout : channelOutput(conn, Channel.StdErr, query.stderr, false, budget);
  const facts = containerFacts(target.pod, target.containerName, store, Date.now());
  const host = createShellHost(facts, input, { tty: query.tty, stdin: query.stdin, drainOutput: () => conn.drain() });
  const logout = (message: string) => {
    stdout.write(message);
    session.abort();
  };
  let idle = setTimeout(() => logout("\ntimed out waiting for input: auto-logout\n"), limits.idleMs);
  const lifetime = setTimeout(() => logout("\nsession time limit reached: logging out\n"), limits.maxSessionMs);
  conn.onStdin = (text) => {
    clearTimeout(idle);
    idle = setTimeout(() => logout("\ntimed out waiting for input: auto-logout\n"), limits.idleMs);
    if (query.stdin) input.push(text);
  };
  conn.onStdinEnd = () => input.end();
  input.onPressure = (full) => conn.pauseReading("input", full);
  conn.onResize = (size) => host.terminal && Object.assign(host.terminal, size);
  conn.closed.addEventListener("abort", () => session.abort(), { once: true });
  conn.send(query.stdout ? Channel.StdOut : query.stderr ? Channel.StdErr : Channel.Error, "");
  try {
    const code = await runExecProgram(query.command, host, { input, stdout, stderr }, session.signal, { tty: query.tty, stdin: query.stdin });
    conn.finish(budget.used > budget.limit ? failureStatus(`output limit of ${budget.limit} characters reached; the session was ended`) : exitStatus(code));
  } catch (error) {
    log.error({ err: error, pod: target.pod.metadata.name }, "exec session failed");
    conn.finish(failureStatus("error executing command in container: internal error in the demo shell"));
  } finally {
    clearTimeout(idle);
    clearTimeout(lifetime);
    input.end();
  }
}
