import { readFile, readdir, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { labelsFromRecord } from "../model/labels";
import { STALE_NAN, isStaleNaN } from "../model/sample";
import type { TsdbStorage } from "./tsdbStorage";
import { tempStorePerTest } from "./testing/tempStore";

const T0 = 1_700_000_000_000;
const store = tempStorePerTest("orrery-tsdb-");
const open = store.open;

/** Commits `batches` batches of one sample for each of `seriesCount` series, 15 s apart. */
async function write(storage: TsdbStorage, batches: number, seriesCount = 3, from = 0): Promise<void> {
  for (let b = from; b < from + batches; b++) {
    const app = storage.appender();
    for (let s = 0; s < seriesCount; s++) app.append(labelsFromRecord({ __name__: "m", i: String(s) }), T0 + b * 15_000, b * 10 + s);
    await app.commit();
  }
}

function sampleCount(storage: TsdbStorage): number {
  return storage
    .querier()
    .select([], 0, Infinity)
    .reduce((n, s) => n + s.timestamps.length, 0);
}

async function walFiles(): Promise<string[]> {
  return (await readdir(path.join(store.dir(), "wal"))).sort();
}

describe("openStorage on a data directory", () => {
  test("brings committed samples back after a crash (no close)", async () => {
    const first = await open();
    await write(first, 200);
    const stale = first.appender();
    stale.append(labelsFromRecord({ __name__: "m", i: "0" }), T0 + 200 * 15_000, STALE_NAN);
    await stale.commit();
    const reopened = await open();
    expect(sampleCount(reopened)).toBe(601);
    const s0 = reopened.querier().select([{ type: "=", name: "i", value: "0" }], 0, Infinity)[0]!;
    expect(s0.values[199]).toBe(1990);
    expect(isStaleNaN(s0.values[200]!)).toBe(true);
    expect(reopened.health().problems).toEqual([]);
  });

  test("a checkpoint truncates the WAL and reopening loads checkpoint plus newer WAL", async () => {
    const first = await open({ segmentBytes: 512 });
    await write(first, 100);
    expect((await walFiles()).length).toBeGreaterThan(3);
    await first.checkpoint();
    expect((await walFiles()).length).toBe(1);
    await write(first, 50, 3, 100);
    const reopened = await open();
    expect(sampleCount(reopened)).toBe(450);
    await write(reopened, 1, 3, 150);
    expect(sampleCount(reopened)).toBe(453);
    expect(reopened.health().ok).toBe(true);
  });

  test("samples committed while a checkpoint is written are neither lost nor doubled", async () => {
    const first = await open();
    await write(first, 10);
    const checkpoint = first.checkpoint();
    await write(first, 10, 3, 10);
    await checkpoint;
    await write(first, 5, 3, 20);
    const reopened = await open();
    expect(sampleCount(reopened)).toBe(75);
    for (const s of reopened.querier().select([], 0, Infinity)) {
      expect(Array.from(s.timestamps)).toEqual(Array.from({ length: 25 }, (_, b) => T0 + b * 15_000));
    }
  });

  test("a truncated segment loads its good part, is reported, and the store still opens and appends", async () => {
    const first = await open();
    await write(first, 20);
    const [segment] = await walFiles();
    const file = path.join(store.dir(), "wal", segment!);
    const size = (await readFile(file)).length;
    await truncate(file, size - 7);
    const reopened = await open();
    expect(sampleCount(reopened)).toBe(57);
    expect(reopened.health().ok).toBe(false);
    expect(reopened.health().problems[0]).toMatch(/segment 00000000 is damaged: torn record at offset \d+.*bytes skipped/);
    await write(reopened, 1, 3, 20);
    expect(sampleCount(reopened)).toBe(60);
  });

  test("a corrupt byte in a segment keeps the records before it and reports the rest", async () => {
    const first = await open();
    await write(first, 20);
    const file = path.join(store.dir(), "wal", (await walFiles())[0]!);
    const data = await readFile(file);
    data[Math.floor(data.length / 2)]! ^= 0xff;
    await writeFile(file, data);
    const reopened = await open();
    const loaded = sampleCount(reopened);
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(60);
    expect(reopened.health().problems.join("\n")).toMatch(/damaged: (checksum mismatch|unknown record type|torn record)/);
  });

  test("a full disk rejects the commit with a clear error, shows on health, and nothing half-written is replayed", async () => {
    const first = await open({ segmentBytes: 1 });
    await write(first, 3);
    // Every commit cuts a segment at this size; the next one is the full device.
    await symlink("/dev/full", path.join(store.dir(), "wal", "00000003"));
    const app = first.appender();
    app.append(labelsFromRecord({ __name__: "m", i: "0" }), T0 + 10 * 15_000, 1);
    app.append(labelsFromRecord({ __name__: "never_stored", i: "0" }), T0 + 10 * 15_000, 1);
    await expect(app.commit()).rejects.toThrow(/write-ahead log write failed: ENOSPC .*the batch was not stored/);
    expect(first.querier().labelValues("__name__", [], 0, Infinity)).toEqual(["m"]);
    expect(first.health().problems.join("\n")).toMatch(/ENOSPC/);
    expect(sampleCount(first)).toBe(9);
    await write(first, 1, 3, 11);
    expect(first.health().ok).toBe(true);
    expect(sampleCount(first)).toBe(12);
  });

  test("a removed WAL directory rejects commits and the store recovers when it is back", async () => {
    const first = await open({ segmentBytes: 1 });
    await write(first, 1);
    await rm(path.join(store.dir(), "wal"), { recursive: true });
    const app = first.appender();
    app.append(labelsFromRecord({ __name__: "m", i: "0" }), T0 + 15_000, 1);
    await expect(app.commit()).rejects.toThrow(/ENOENT/);
    expect(first.health().ok).toBe(false);
  });

  test("a segment that is a link to a device is skipped and reported, not read without end", async () => {
    const first = await open({ segmentBytes: 1 });
    await write(first, 2);
    await first.close();
    await symlink("/dev/zero", path.join(store.dir(), "wal", "00000005"));
    const reopened = await open();
    expect(sampleCount(reopened)).toBe(6);
    expect(reopened.health().problems).toEqual(["write-ahead log segment 00000005 is not a regular file; skipped"]);
    await write(reopened, 1, 3, 2);
    expect(sampleCount(reopened)).toBe(9);
  });

  test("retention survives a checkpoint and reopen", async () => {
    const first = await open({ retentionMs: 10 * 60_000 });
    await write(first, 400, 1);
    first.applyRetention();
    await first.checkpoint();
    const reopened = await open({ retentionMs: 10 * 60_000 });
    const kept = sampleCount(reopened);
    expect(kept).toBe(160);
    expect(existsSync(path.join(store.dir(), "checkpoint.00000001"))).toBe(true);
  });
});
