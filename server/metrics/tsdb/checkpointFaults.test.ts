import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";
import { labelsFromRecord } from "../model/labels";
import type { TsdbStorage } from "./tsdbStorage";
import { tempStorePerTest } from "./testing/tempStore";

const T0 = 1_700_000_000_000;
const store = tempStorePerTest("orrery-ckpt-");
const open = store.open;

async function write(storage: TsdbStorage, series: number, from: number, to: number): Promise<void> {
  for (let b = from; b < to; b++) {
    const app = storage.appender();
    for (let s = 0; s < series; s++) app.append(labelsFromRecord({ __name__: "m", s: String(s) }), T0 + b * 15_000, b);
    await app.commit();
  }
}

function listCheckpointNames(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.startsWith("checkpoint.") && !name.endsWith(".tmp"));
}

function count(storage: TsdbStorage): number {
  return storage.querier().select([], 0, Infinity).reduce((n, s) => n + s.timestamps.length, 0);
}

describe("checkpoint faults", () => {
  test("a failed checkpoint is reported, keeps the WAL, and a later one succeeds", async () => {
    const storage = await open();
    await write(storage, 4, 0, 10);
    await mkdir(path.join(store.dir(), "checkpoint.00000001.tmp"));
    await expect(storage.checkpoint()).rejects.toThrow(/checkpoint failed: EISDIR/);
    expect(storage.health().problems).toEqual([expect.stringMatching(/checkpoint failed/)]);
    expect(existsSync(path.join(store.dir(), "wal", "00000000"))).toBe(true);
    await rm(path.join(store.dir(), "checkpoint.00000001.tmp"), { recursive: true });
    await storage.checkpoint();
    expect(storage.health().ok).toBe(true);
    const reopened = await open();
    expect(count(reopened)).toBe(40);
  });

  test("after a failed checkpoint the store retries soon, not at the next interval, and health clears", async () => {
    const storage = await open({ checkpointIntervalMs: 3_600_000, checkpointRetryMs: 10 });
    await write(storage, 2, 0, 3);
    await mkdir(path.join(store.dir(), "checkpoint.00000001.tmp"));
    await expect(storage.checkpoint()).rejects.toThrow(/checkpoint failed/);
    expect(storage.health().ok).toBe(false);
    await rm(path.join(store.dir(), "checkpoint.00000001.tmp"), { recursive: true });
    await vi.waitFor(() => expect(storage.health().ok).toBe(true), { timeout: 5_000, interval: 10 });
    expect(listCheckpointNames(store.dir())).not.toEqual([]);
  });

  test("a checkpoint left half-written by a crash is ignored and removed", async () => {
    const storage = await open();
    await write(storage, 2, 0, 5);
    await writeFile(path.join(store.dir(), "checkpoint.00000009.tmp"), "partial");
    const reopened = await open();
    expect(count(reopened)).toBe(10);
    expect(existsSync(path.join(store.dir(), "checkpoint.00000009.tmp"))).toBe(false);
  });

  test("a damaged checkpoint loads the series before the damage and says so", async () => {
    const storage = await open();
    await write(storage, 50, 0, 4);
    await storage.checkpoint();
    const file = path.join(store.dir(), "checkpoint.00000001");
    const data = await readFile(file);
    data[Math.floor(data.length * 0.6)]! ^= 0x55;
    await writeFile(file, data);
    const reopened = await open();
    const loaded = count(reopened);
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(200);
    expect(reopened.health().problems[0]).toMatch(/checkpoint checkpoint.00000001 is damaged/);
    await write(reopened, 50, 4, 5);
    expect(count(reopened)).toBe(loaded + 50);
  });
});
