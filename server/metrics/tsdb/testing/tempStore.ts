// A store in a fresh temp dir per test, closed and removed after it, for the durability tests.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { openStorage, type OpenStorageOptions } from "../openStorage";
import type { TsdbStorage } from "../tsdbStorage";

export interface TempStore {
  /** The current test's data dir. */
  dir(): string;
  /** Opens (or reopens) the store on the current dir; closed after the test. */
  open(options?: Partial<OpenStorageOptions>): Promise<TsdbStorage>;
}

export function tempStorePerTest(prefix: string): TempStore {
  let dir = "";
  const opened: TsdbStorage[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async open(options = {}) {
      const storage = await openStorage({ dir, ...options });
      opened.push(storage);
      return storage;
    },
  };
}
