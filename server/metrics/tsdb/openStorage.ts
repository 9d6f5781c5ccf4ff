import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { DiskDurability } from "./diskDurability";
import { Head } from "./head";
import type { RetentionPolicy } from "./retention";
import { TsdbStorage, createMemoryStorage } from "./tsdbStorage";
import { loadCheckpoint } from "./wal/checkpoint";
import { listCheckpoints } from "./wal/segments";
import { replayWal } from "./wal/walReplay";
import { WalWriter } from "./wal/walWriter";

export interface OpenStorageOptions extends RetentionPolicy {
  /** Data directory; without one the store lives in memory only. */
  dir?: string;
  /** Start a new WAL segment past this size (bytes). */
  segmentBytes?: number;
  syncIntervalMs?: number;
  checkpointIntervalMs?: number;
  checkpointRetryMs?: number;
}

export interface OpenedStorage {
  storage: TsdbStorage;
  samplesReplayed: number;
}

/** Ten-minute checkpoints keep the WAL that a restart replays to minutes of samples. */
const DEFAULTS = { segmentBytes: 32 << 20, syncIntervalMs: 5_000, checkpointIntervalMs: 10 * 60_000, checkpointRetryMs: 60_000 };

/**
 * Opens the store in a data directory: loads the newest checkpoint, replays the WAL after it, and
 * starts a fresh segment. Damage is reported by `health()`, never a reason not to open.
 */
export async function openStorage(options: OpenStorageOptions): Promise<TsdbStorage> {
  return (await openStorageWithReport(options)).storage;
}

export async function openStorageWithReport(options: OpenStorageOptions): Promise<OpenedStorage> {
  const retention = { retentionMs: options.retentionMs, retentionBytes: options.retentionBytes };
  if (!options.dir) return { storage: createMemoryStorage(retention), samplesReplayed: 0 };
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const dir = options.dir;
  const walDir = path.join(dir, "wal");
  await mkdir(walDir, { recursive: true });
  const head = new Head();
  const problems: string[] = [];
  const checkpoint = listCheckpoints(dir)[0];
  if (checkpoint) problems.push(...(await loadCheckpoint(head, checkpoint.file)));
  await removeUnfinishedCheckpoints(dir).catch((err: Error) => problems.push(`could not remove an unfinished checkpoint: ${err.message}`));
  const replay = replayWal(head, walDir, checkpoint?.segment ?? 0);
  problems.push(...replay.problems);
  // New writes go to a new segment, so nothing is ever appended after a damaged tail.
  const firstNew = Math.max(replay.lastSegment + 1, checkpoint?.segment ?? 0);
  const wal = new WalWriter(walDir, firstNew, settings.segmentBytes);
  const durability = new DiskDurability(head, dir, wal, problems);
  const storage = new TsdbStorage(head, retention, durability);
  storage.applyRetention();
  durability.start(settings);
  return { storage, samplesReplayed: replay.samples };
}

function definedOnly(options: OpenStorageOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  if (options.segmentBytes !== undefined) out.segmentBytes = options.segmentBytes;
  if (options.syncIntervalMs !== undefined) out.syncIntervalMs = options.syncIntervalMs;
  if (options.checkpointIntervalMs !== undefined) out.checkpointIntervalMs = options.checkpointIntervalMs;
  if (options.checkpointRetryMs !== undefined) out.checkpointRetryMs = options.checkpointRetryMs;
  return out;
}

/** A checkpoint that was being written when the process died is incomplete; the WAL it would replace is still there. */
async function removeUnfinishedCheckpoints(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(names.filter((n) => n.endsWith(".tmp")).map((n) => rm(path.join(dir, n), { force: true })));
}
