// The /api/exec protocol between a browser terminal and Orrery: one websocket per shell.
// Orrery relays it to the apiserver's pods/exec websocket (v5.channel.k8s.io, falling back to v4) as the person.
//
// Browser → Orrery: binary frames are keystrokes (stdin); text frames are JSON `ExecClientMessage`s.
// Orrery → browser: binary frames are terminal output (stdout and stderr); text frames are JSON `ExecServerMessage`s.
//
// Order: `started` comes before any output. With no command, Orrery runs bash and switches to sh when bash
// ends unsuccessfully before printing anything but the runtime's "executable file not found"; `started` then
// names the shell that runs, up to 1.5 s after the socket opened (bash's failed attempt is never shown).
// Keystrokes and resizes sent before `started` are kept and delivered to that shell.
// Closes 4400, 4403, 4404, 4408, 4409 and 1011 come after an `error` message; 4401 (login ended), 1001 (Orrery stopping)
// and 1009 (frame too large) come alone. 1011 is any failure without a code of its own (the apiserver
// unreachable, the audit log unwritable, the connection to the container lost).

/** Query parameters of `/api/exec`: `namespace`, `pod`, optional `container`, `command` repeated (absent: bash, then sh). */
export interface ExecTarget {
  namespace: string;
  pod: string;
  container?: string;
  /** The command and its arguments; empty means an interactive shell (bash when the image has it, else sh). */
  command: string[];
}

export type ExecClientMessage = { type: "resize"; cols: number; rows: number };

export type ExecServerMessage =
  /** The shell runs: which container and command it is. */
  | { type: "started"; container: string; command: string[] }
  /** The command ended with this exit code (0 is success). */
  | { type: "exit"; code: number }
  /** The shell could not start or was cut off: `message` is a plain sentence for a person (e.g. the apiserver's 403 message), never an object. */
  | { type: "error"; message: string; status?: number };

/** Close codes of `/api/exec` besides the standard ones (1000 after an exit, 1009 for an oversized frame); the reason is a plain sentence, at most 123 bytes. */
export enum ExecCloseCode {
  /** The login ended or expired: the same code as /api/stream, so the page signs in again. */
  SessionEnded = 4401,
  /** The apiserver refused the exec for this person (RBAC). */
  Forbidden = 4403,
  /** The pod or container does not exist. */
  NotFound = 4404,
  /** The container exists but is not running (waiting, e.g. CrashLoopBackOff, or terminated): nothing to exec into. */
  NotRunning = 4409,
  /** No keystroke or output for the idle limit. */
  Idle = 4408,
  /** The request was malformed (missing pod, bad resize). */
  BadRequest = 4400,
  /** The person (or embed link) already has as many shells open as allowed. */
  TooManyShells = 4429,
}

/** Largest frame either side accepts; a paste larger than this is split by the browser. */
export const maxExecFrameBytes = 64 * 1024;
