import { ExecCloseCode } from "@/lib/wire/exec";

/** How a shell ended, as far as the browser saw it. */
export interface ShellEnd {
  /** The websocket close code. */
  code: number;
  reason?: string;
  /** From the server's `exit` message, when the command ended by itself. */
  exitCode?: number;
  /** From the server's `error` message. */
  error?: string;
}

export interface ShellEndMessage {
  text: string;
  /** The login is over: offer the login page instead of a reconnect. */
  signIn: boolean;
  tone: "neutral" | "warning" | "error";
}

/** The status line after a shell closed, worded for a person. */
export function describeShellEnd(end: ShellEnd): ShellEndMessage {
  const detail = end.error ?? end.reason;
  const withDetail = (text: string) => (detail && !text.includes(detail) ? `${text}: ${detail}` : text);
  switch (end.code) {
    case ExecCloseCode.SessionEnded:
      return { text: "Your login ended — sign in again to open a shell.", signIn: true, tone: "warning" };
    case ExecCloseCode.Forbidden:
      return { text: withDetail("You are not allowed to open a shell in this pod"), signIn: false, tone: "error" };
    case ExecCloseCode.NotFound:
      return { text: withDetail("The pod or container is gone"), signIn: false, tone: "error" };
    case ExecCloseCode.NotRunning:
      return { text: withDetail("No shell"), signIn: false, tone: "warning" };
    case ExecCloseCode.Idle:
      return { text: "The shell was closed after being idle too long.", signIn: false, tone: "warning" };
    case ExecCloseCode.BadRequest:
      return { text: withDetail("Orrery refused the shell request"), signIn: false, tone: "error" };
    case 1001:
      return { text: "Orrery is stopping or restarting; reconnect in a moment.", signIn: false, tone: "warning" };
    case 1011:
      return { text: withDetail("The shell failed"), signIn: false, tone: "error" };
    case 1009:
      return { text: "The shell was closed because a message was too large.", signIn: false, tone: "error" };
  }
  if (end.exitCode !== undefined) return { text: exitText(end.exitCode), signIn: false, tone: end.exitCode === 0 ? "neutral" : "warning" };
  if (end.error) return { text: end.error, signIn: false, tone: "error" };
  if (end.code === 1000) return { text: "The shell ended.", signIn: false, tone: "neutral" };
  if (end.code === 1006) return { text: "The connection to Orrery was lost (or refused); check that you are still signed in and try again.", signIn: false, tone: "error" };
  return { text: withDetail(`The shell closed unexpectedly (code ${end.code})`), signIn: false, tone: "error" };
}

/** The line written into the terminal when the command ends, like a terminal emulator's own. */
export function exitText(code: number): string {
  return `[process exited with code ${code}]`;
}
