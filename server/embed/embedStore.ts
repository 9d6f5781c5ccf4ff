import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { StateDocument, StateDocumentKind, StateStore } from "../state/stateStore";

const recordSchema = z.object({
  id: z.string().min(1),
  scope: z.string().min(1),
  createdBy: z.object({ name: z.string(), groups: z.array(z.string()), local: z.boolean().optional() }),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().optional(),
  revokedBy: z.string().optional(),
});

/** One issued embed token as remembered in the state store (never the token itself). */
export type EmbedTokenRecord = z.infer<typeof recordSchema>;

/** Token id → its record. */
export type EmbedTokenRecords = Readonly<Record<string, EmbedTokenRecord>>;

const documentSchema = z.object({ version: z.literal(1), tokens: z.array(recordSchema) });

// Records are kept a day past expiry so a listing still shows recently expired tokens.
const keepAfterExpiryMs = 24 * 3600 * 1000;

// Of two versions of one record, the revoked one wins (a revocation is never undone).
function newer(a: EmbedTokenRecord | undefined, b: EmbedTokenRecord): EmbedTokenRecord {
  if (!a) return b;
  if (a.revokedAt === undefined) return b.revokedAt === undefined ? a : b;
  return b.revokedAt !== undefined && b.revokedAt < a.revokedAt ? b : a;
}

/** Issued tokens as one shared document: records are added or revoked, never taken back, and dropped a day after expiry. */
export function embedTokensKind(now: () => number): StateDocumentKind<EmbedTokenRecords> {
  const name = "embed-tokens.json";
  return {
    name,
    empty: () => ({}),
    parse: (text) => {
      const parsed = documentSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${name} is not an embed token list: ${parsed.error.issues[0]?.message ?? "invalid"}; move it away to start a new one`);
      return Object.fromEntries(parsed.data.tokens.map((record) => [record.id, record]));
    },
    serialize: (value) => JSON.stringify({ version: 1, tokens: Object.values(value) }, null, 1),
    merge: (known, incoming) => {
      const cutoff = now() - keepAfterExpiryMs;
      const out: Record<string, EmbedTokenRecord> = {};
      for (const record of [...Object.values(known), ...Object.values(incoming)]) if (record.expiresAt >= cutoff) out[record.id] = newer(out[record.id], record);
      return out;
    },
  };
}

/** The HMAC key for embed tokens, base64 of at least 32 bytes; "" until one replica created it. */
export const embedKeyKind: StateDocumentKind<string> = {
  name: "embed-token.key",
  empty: () => "",
  parse: (text) => {
    const key = text.trim();
    if (Buffer.from(key, "base64").length < 32) throw new Error("embed-token.key holds fewer than 32 key bytes; delete it to create a new key (existing embed tokens stop working)");
    return key;
  },
  serialize: (value) => value,
  // The stored key wins over one only made up here, so every replica signs with the same.
  merge: (known, incoming) => incoming || known,
};

/** Issued tokens and their revocations, in the state store; a token not listed here is not valid. */
export class EmbedTokenStore {
  private tokens: StateDocument<EmbedTokenRecords> | undefined;
  private key: Promise<Uint8Array> | undefined;

  constructor(private readonly store: StateStore, private readonly now: () => number = Date.now) {}

  /** The document, read on first use (a damaged one fails the call, not the start). */
  records(): StateDocument<EmbedTokenRecords> {
    this.tokens ??= this.store.document(embedTokensKind(this.now));
    return this.tokens;
  }

  async get(id: string): Promise<EmbedTokenRecord | undefined> {
    return this.records().current()[id];
  }

  async all(): Promise<EmbedTokenRecord[]> {
    return Object.values(this.records().current()).sort((a, b) => b.createdAt - a.createdAt);
  }

  async put(record: EmbedTokenRecord): Promise<void> {
    await this.records().update((stored) => ({ ...stored, [record.id]: newer(stored[record.id], record) }));
  }

  /** The signing key: the stored one, else a new one stored first (another replica's if it stored first). */
  signingKey(): Promise<Uint8Array> {
    this.key ??= this.readOrCreateKey();
    return this.key;
  }

  private async readOrCreateKey(): Promise<Uint8Array> {
    const document = this.store.document(embedKeyKind);
    if (document.current() === "") await document.update((stored) => stored || randomBytes(32).toString("base64"));
    return new Uint8Array(Buffer.from(document.current(), "base64"));
  }
}
