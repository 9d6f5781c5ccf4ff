import { z } from "zod";
import { log } from "../log";
import { memoryDocument, type StateDocument, type StateDocumentKind, type StateStore } from "../state/stateStore";

/** Session id → epoch ms until which its cookie is refused. */
export type RevokedSessions = Readonly<Record<string, number>>;

const documentSchema = z.object({ revoked: z.record(z.string(), z.number()) });

/** The file in the data directory, and the key in the state Secret. */
export const revocationDocumentName = "ended-sessions.json";

function unexpired(entries: Iterable<[string, number]>, now: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, until] of entries) if (until > now && until > (out[id] ?? 0)) out[id] = until;
  return out;
}

/** Ended sessions as one shared document: a grow-only set whose entries drop out when they expire. */
export function revokedSessionsKind(now: () => number): StateDocumentKind<RevokedSessions> {
  return {
    name: revocationDocumentName,
    empty: () => ({}),
    parse: (text) => {
      const parsed = documentSchema.safeParse(safeJson(text));
      if (parsed.success) return parsed.data.revoked;
      log.error({ document: revocationDocumentName }, "the list of ended sessions is damaged; sessions ended before this start are accepted until they expire");
      return {};
    },
    serialize: (value) => JSON.stringify({ revoked: value }),
    merge: (known, incoming) => unexpired([...Object.entries(known), ...Object.entries(incoming)], now()),
  };
}

/**
 * Session ids that were ended before their cookie expired (logout, revocation), each kept until the
 * session's absolute end, after which no cookie of it is accepted anyway. Kept in the state store (the
 * data directory, or the state Secret every replica watches) so that neither a restart nor another
 * replica makes a logged-out cookie good again.
 */
export class RevocationList {
  private readonly document: StateDocument<RevokedSessions>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(store: StateStore | undefined, private readonly now: () => number = Date.now) {
    const kind = revokedSessionsKind(now);
    this.document = store ? store.document(kind) : memoryDocument(kind);
  }

  isRevoked(sessionId: string): boolean {
    const until = this.document.current()[sessionId];
    return until !== undefined && until > this.now();
  }

  /** Refuses the session from now until `until` (epoch ms), here at once and on other replicas once stored. */
  revoke(sessionId: string, until: number): void {
    const written = this.document.update((stored) => unexpired([...Object.entries(stored), [sessionId, until]], this.now()));
    this.writes = Promise.all([this.writes, written.catch((error: unknown) => {
      log.error({ err: error }, "cannot store the list of ended sessions; the session stays ended on this replica until it stops");
    })]);
  }

  /** Resolves when every revocation so far was stored (or failed and was logged). */
  async flush(): Promise<void> {
    await this.writes;
  }

  /** Calls `listener` for each session that becomes revoked, here or on another replica. */
  onRevoked(listener: (sessionId: string, until: number) => void): () => void {
    let known = { ...this.document.current() };
    return this.document.onChange((value) => {
      const previous = known;
      known = { ...value };
      for (const [id, until] of Object.entries(value)) if (previous[id] === undefined && until > this.now()) listener(id, until);
    });
  }

  get size(): number {
    return Object.values(this.document.current()).filter((until) => until > this.now()).length;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
