import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { log } from "../log";

const fileSchema = z.object({ revoked: z.record(z.string(), z.number()) });

/**
 * Session ids that were ended before their cookie expired (logout, revocation), each kept until
 * the session's absolute end, after which no cookie of it is accepted anyway. Saved to a file so
 * that a restart does not make a logged-out cookie good again.
 */
export class RevocationList {
  private readonly revoked = new Map<string, number>();

  constructor(
    private readonly file: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    if (file) this.load(file);
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > this.now();
  }

  /** Refuses the session from now until `until` (epoch ms). */
  revoke(sessionId: string, until: number): void {
    const previous = this.revoked.get(sessionId) ?? 0;
    this.revoked.set(sessionId, Math.max(previous, until));
    this.prune();
    this.save();
  }

  get size(): number {
    return this.revoked.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") log.error({ err: error, file }, "cannot read the list of ended sessions");
      return;
    }
    const parsed = fileSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      log.error({ file }, "the list of ended sessions is damaged; sessions ended before this start are accepted until they expire");
      return;
    }
    for (const [id, until] of Object.entries(parsed.data.revoked)) this.revoked.set(id, until);
    this.prune();
  }

  // Written to a temporary file and renamed, so a crash never leaves half a list.
  private save(): void {
    if (!this.file) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ revoked: Object.fromEntries(this.revoked) }), { mode: 0o600 });
      renameSync(temporary, this.file);
    } catch (error) {
      log.error({ err: error, file: this.file }, "cannot save the list of ended sessions; it holds until this process stops");
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
