import { log } from "../log";
import type { RevocationList } from "./revocationList";

/** "revoked-elsewhere": another replica revoked it (seen through the shared state store). */
export type SessionEndReason = "logout" | "revoked" | "revoked-elsewhere" | "refresh-failed" | "idle" | "absolute";
export type SessionEndedListener = (sessionId: string) => void;

// On globalThis so the custom server (streams, shells) hears logouts handled inside Next's bundle.
const listenersKey = Symbol.for("orrery.auth.sessionEndedListeners");
type Holder = { [listenersKey]?: Set<SessionEndedListener> };

function listeners(): Set<SessionEndedListener> {
  const holder = globalThis as Holder;
  return (holder[listenersKey] ??= new Set());
}

/**
 * Calls `listener` with the session id whenever a login session ends: logout, revocation, failed
 * token refresh, or the idle or absolute timeout noticed. Returns a function that unsubscribes.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

function emitSessionEnded(sessionId: string): void {
  for (const listener of [...listeners()]) {
    try {
      listener(sessionId);
    } catch (error) {
      log.error({ err: error }, "a session-ended listener failed");
    }
  }
}

/**
 * Knows which sessions this process has seen and until when each is good, ends them (revoking
 * where needed) and tells the listeners exactly once per session.
 */
export class SessionRegistry {
  private readonly deadlines = new Map<string, { deadline: number; absolute: number }>();
  private readonly ended = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly revocations: RevocationList,
    private readonly now: () => number = Date.now,
  ) {
    // A session revoked on another replica (the shared state store) ends here too: its sockets close.
    revocations.onRevoked((sessionId, until) => this.end(sessionId, "revoked-elsewhere", until));
  }

  /** The session was seen valid until `deadline` (its idle end) and can never outlive `absolute`. */
  noteActive(sessionId: string, deadline: number, absolute: number): void {
    if (this.ended.has(sessionId)) return;
    const known = this.deadlines.get(sessionId)?.deadline ?? 0;
    this.deadlines.set(sessionId, { deadline: Math.min(Math.max(deadline, known), absolute), absolute });
  }

  /** Ends a session now; logout, revocation and failed refresh also refuse its cookie until `until`. */
  end(sessionId: string, reason: SessionEndReason, until: number): void {
    // Marked first: revoking tells the revocation listener, which must find the session already ended.
    const first = !this.ended.has(sessionId);
    if (first) {
      this.ended.set(sessionId, Math.max(until, this.now()));
      this.deadlines.delete(sessionId);
    }
    if (reason === "logout" || reason === "revoked" || reason === "refresh-failed") this.revocations.revoke(sessionId, until);
    if (!first) return;
    log.info({ session: sessionId.slice(0, 8), reason }, "login session ended");
    emitSessionEnded(sessionId);
  }

  isRevoked(sessionId: string): boolean {
    return this.revocations.isRevoked(sessionId);
  }

  /** Ends the sessions whose deadline has passed without a renewal seen here. */
  sweep(): void {
    const now = this.now();
    for (const [sessionId, { deadline, absolute }] of this.deadlines) {
      if (deadline <= now) this.end(sessionId, deadline >= absolute ? "absolute" : "idle", absolute);
    }
    for (const [sessionId, until] of this.ended) if (until < now) this.ended.delete(sessionId);
  }

  /** Sweeps every `intervalMs` without keeping the process alive. */
  start(intervalMs: number): void {
    this.timer ??= setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
