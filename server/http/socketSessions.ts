import type { Duplex } from "node:stream";
import type { Person } from "../auth/person";
import { StreamCloseCode } from "@/lib/wire/stream";
import { log } from "../log";

/** Close code sent when the login behind a socket ended (logout, revocation) or expired; the page should sign in again. */
export const SESSION_ENDED_CLOSE_CODE = StreamCloseCode.SessionEnded;

// setTimeout fires at once above this many milliseconds; longer waits are re-armed.
const maxTimerMs = 2 ** 31 - 1;
// A peer that does not answer the close frame is cut off after this long.
const closeGraceMs = 1_000;

interface TrackedSocket {
  person: Person;
  socket: Duplex;
  timer?: NodeJS.Timeout;
}

/** A websocket close frame as a server sends it (unmasked), with a UTF-8 reason of at most 123 bytes. */
export function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason).subarray(0, 123);
  const frame = Buffer.alloc(4 + text.length);
  frame[0] = 0x88;
  frame[1] = 2 + text.length;
  frame.writeUInt16BE(code, 2);
  text.copy(frame, 4);
  return frame;
}

// Frames are written whole within one tick, so a close frame written now lands between frames.
function closeSocket(socket: Duplex, reason: string): void {
  if (socket.destroyed) return;
  const upgraded = ((socket as { bytesWritten?: number }).bytesWritten ?? 0) > 0;
  if (!upgraded || !socket.writable) return void socket.destroy();
  socket.write(closeFrame(SESSION_ENDED_CLOSE_CODE, reason));
  socket.end();
  setTimeout(() => socket.destroy(), closeGraceMs).unref();
}

/**
 * Open websockets (stream, exec, logs) by login: all of a session's sockets close when it ends, and each
 * closes by itself when its person's login expires, so no stream or shell outlives the login (CVE-2023-40025).
 */
export class SocketSessions {
  private readonly sockets = new Set<TrackedSocket>();

  constructor(private readonly now: () => number = Date.now) {}

  track(person: Person, socket: Duplex): void {
    const entry: TrackedSocket = { person, socket };
    this.sockets.add(entry);
    socket.once("close", () => this.forget(entry));
    if (person.expiresAt !== undefined) this.armExpiry(entry, person.expiresAt);
  }

  /** Closes every socket of one login session; returns how many were open. */
  endSession(sessionId: string): number {
    let closed = 0;
    for (const entry of [...this.sockets]) {
      if (entry.person.sessionId !== sessionId) continue;
      this.forget(entry);
      closeSocket(entry.socket, "session ended");
      closed++;
    }
    if (closed > 0) log.info({ sessionId: redact(sessionId), sockets: closed }, "closed websockets of an ended session");
    return closed;
  }

  get size(): number {
    return this.sockets.size;
  }

  closeAll(): void {
    for (const entry of [...this.sockets]) this.forget(entry);
  }

  private armExpiry(entry: TrackedSocket, expiresAt: number): void {
    const wait = expiresAt - this.now();
    if (wait <= 0) {
      this.forget(entry);
      closeSocket(entry.socket, "session expired");
      return;
    }
    entry.timer = setTimeout(() => this.armExpiry(entry, expiresAt), Math.min(wait, maxTimerMs));
    entry.timer.unref();
  }

  private forget(entry: TrackedSocket): void {
    if (entry.timer) clearTimeout(entry.timer);
    this.sockets.delete(entry);
  }
}

// Session ids are bearer secrets in some stores; the log gets a prefix only.
function redact(sessionId: string): string {
  return sessionId.length > 8 ? `${sessionId.slice(0, 8)}…` : sessionId;
}
