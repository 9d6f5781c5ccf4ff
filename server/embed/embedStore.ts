import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

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

/** One issued embed token as remembered in the data directory (never the token itself). */
export type EmbedTokenRecord = z.infer<typeof recordSchema>;

const fileSchema = z.object({ version: z.literal(1), tokens: z.array(recordSchema) });

// Records are kept a day past expiry so a listing still shows recently expired tokens.
const keepAfterExpiryMs = 24 * 3600 * 1000;

/** Issued tokens and their revocations in `<data-dir>/embed-tokens.json`; a token not listed here is not valid. */
export class EmbedTokenStore {
  private records: Promise<Map<string, EmbedTokenRecord>> | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(readonly file: string, private readonly now: () => number = Date.now) {}

  async get(id: string): Promise<EmbedTokenRecord | undefined> {
    return (await this.load()).get(id);
  }

  async all(): Promise<EmbedTokenRecord[]> {
    return [...(await this.load()).values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  async put(record: EmbedTokenRecord): Promise<void> {
    const records = await this.load();
    records.set(record.id, record);
    await this.persist(records);
  }

  private load(): Promise<Map<string, EmbedTokenRecord>> {
    this.records ??= readRecords(this.file);
    return this.records;
  }

  private persist(records: Map<string, EmbedTokenRecord>): Promise<void> {
    const cutoff = this.now() - keepAfterExpiryMs;
    for (const [id, record] of records) if (record.expiresAt < cutoff) records.delete(id);
    const text = JSON.stringify({ version: 1, tokens: [...records.values()] }, null, 1);
    const written = this.writes.then(() => writeAtomically(this.file, text));
    this.writes = written.catch(() => undefined);
    return written;
  }
}

async function readRecords(file: string): Promise<Map<string, EmbedTokenRecord>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not an embed token list: ${parsed.error.issues[0]?.message ?? "invalid"}; move it away to start a new one`);
  return new Map(parsed.data.tokens.map((record) => [record.id, record]));
}

// A crash mid-write leaves the old file, never half a list.
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}

/** The HMAC key for embed tokens: `<data-dir>/embed-token.key`, 32 random bytes created on first use, owner-only. */
export async function loadOrCreateKey(file: string): Promise<Uint8Array> {
  try {
    return decodeKey(await readFile(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const handle = await open(file, "wx", 0o600);
    await handle.writeFile(randomBytes(32).toString("base64"));
    await handle.close();
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  await chmod(file, 0o600);
  return decodeKey(await readFile(file, "utf8"), file);
}

function decodeKey(text: string, file: string): Uint8Array {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length < 32) throw new Error(`${file} holds fewer than 32 key bytes; delete it to create a new key (existing embed tokens stop working)`);
  return new Uint8Array(key);
}
