import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { KnownValue, type StateDocument, type StateDocumentKind, type StateStore } from "./stateStore";

// A file created at the same moment by another process sharing the directory: read theirs and try again.
const maxCreateAttempts = 5;

/** Documents as owner-only files in the data directory (one replica, or replicas sharing one volume). */
export class FileStateStore implements StateStore {
  private readonly documents = new Map<string, FileDocument<unknown>>();

  constructor(readonly dataDir: string) {}

  get description(): string {
    return `data directory ${this.dataDir}`;
  }

  document<T>(kind: StateDocumentKind<T>): StateDocument<T> {
    let document = this.documents.get(kind.name) as FileDocument<T> | undefined;
    if (!document) {
      document = new FileDocument(path.join(this.dataDir, kind.name), kind);
      this.documents.set(kind.name, document as FileDocument<unknown>);
    }
    return document;
  }

  async close(): Promise<void> {
    await Promise.all([...this.documents.values()].map((document) => document.settled()));
  }
}

class FileDocument<T> implements StateDocument<T> {
  private readonly known: KnownValue<T>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string, private readonly kind: StateDocumentKind<T>) {
    this.known = new KnownValue(kind, readNow(file, kind));
  }

  current(): T {
    return this.known.get();
  }

  update(change: (stored: T) => T): Promise<T> {
    this.known.absorb(change(this.known.get()));
    const written = this.writes.then(() => this.store(change));
    this.writes = written.catch(() => undefined);
    return written;
  }

  onChange(listener: (value: T) => void): () => void {
    return this.known.onChange(listener);
  }

  settled(): Promise<unknown> {
    return this.writes;
  }

  // Re-read first, so a process sharing the directory is not overwritten with an older list.
  private async store(change: (stored: T) => T): Promise<T> {
    for (let attempt = 1; attempt <= maxCreateAttempts; attempt++) {
      const stored = await readLater(this.file);
      // Merged with nothing, so what has expired is dropped from the file on every write.
      const next = this.kind.merge(this.kind.empty(), change(stored === undefined ? this.kind.empty() : this.kind.parse(stored)));
      const text = this.kind.serialize(next);
      if (text !== stored) {
        const written = stored === undefined ? await createExclusively(this.file, text) : (await replaceAtomically(this.file, text), true);
        if (!written) continue;
      }
      this.known.absorb(next);
      return this.known.get();
    }
    throw new Error(`cannot create ${this.file}: another process keeps creating it at the same time`);
  }
}

function readNow<T>(file: string, kind: StateDocumentKind<T>): T | undefined {
  try {
    return kind.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function readLater(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeTemporary(file: string, text: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  return temporary;
}

// Renamed over the old file, so a crash never leaves half a document.
async function replaceAtomically(file: string, text: string): Promise<void> {
  await rename(await writeTemporary(file, text), file);
}

// link() fails when the name exists, so of two processes creating it at once exactly one wins.
async function createExclusively(file: string, text: string): Promise<boolean> {
  const temporary = await writeTemporary(file, text);
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
