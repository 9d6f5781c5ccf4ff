import path from "node:path";
import type { Head } from "./head";
import type { CommitBatch } from "./headAppender";
import type { Durability } from "./tsdbStorage";
import { removeFiles, snapshotHead, writeCheckpoint } from "./wal/checkpoint";
import { checkpointFileName, listCheckpoints, listSegments, segmentFileName } from "./wal/segments";
import { describeError, type WalWriter } from "./wal/walWriter";

export interface DurabilityTiming {
  /** fsync the WAL this often; each commit is written (not synced) at once, so kill -9 loses nothing committed. */
  syncIntervalMs: number;
  /** Snapshot the head and drop the WAL it covers this often, bounding replay time. */
  checkpointIntervalMs: number;
  /** After a failed checkpoint (a full disk), try again this often, so health clears soon after there is room. */
  checkpointRetryMs: number;
}

/** The data directory side of the store: WAL appends, interval fsync, checkpoints and WAL truncation. */
export class DiskDurability implements Durability {
  private readonly timers: NodeJS.Timeout[] = [];
  private checkpointing: Promise<void> | undefined;
  private checkpointFailure: string | undefined;

  constructor(
    private readonly head: Head,
    private readonly dir: string,
    private readonly wal: WalWriter,
    private readonly loadProblems: string[],
  ) {}

  start(timing: DurabilityTiming): void {
    const every = (ms: number, task: () => void) => {
      const timer = setInterval(task, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(timing.syncIntervalMs, () => this.wal.sync());
    // A failed checkpoint is kept for health(); the next interval tries again.
    every(timing.checkpointIntervalMs, () => void this.checkpoint().catch(() => {}));
    every(Math.min(timing.checkpointRetryMs, timing.checkpointIntervalMs), () => {
      if (this.checkpointFailure) void this.checkpoint().catch(() => {});
    });
  }

  log(batch: CommitBatch): void {
    this.wal.log(batch);
  }

  problems(): string[] {
    const problems = [...this.loadProblems];
    if (this.wal.failure) problems.push(this.wal.failure);
    if (this.checkpointFailure) problems.push(this.checkpointFailure);
    return problems;
  }

  /** Cuts the WAL, snapshots the head as of that cut, then deletes older checkpoints and segments. */
  checkpoint(): Promise<void> {
    this.checkpointing ??= this.checkpointNow().finally(() => {
      this.checkpointing = undefined;
    });
    return this.checkpointing;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.checkpointing?.catch(() => {});
    this.wal.close();
  }

  private async checkpointNow(): Promise<void> {
    try {
      const segment = this.wal.cut();
      const pieces = snapshotHead(this.head);
      await writeCheckpoint(this.dir, segment, pieces);
      await this.truncateBefore(segment);
      this.checkpointFailure = undefined;
    } catch (err) {
      this.checkpointFailure = `checkpoint failed: ${describeError(err)}`;
      throw new Error(this.checkpointFailure);
    }
  }

  private async truncateBefore(segment: number): Promise<void> {
    const walDir = path.join(this.dir, "wal");
    const old = listSegments(walDir)
      .filter((s) => s < segment)
      .map((s) => path.join(walDir, segmentFileName(s)));
    const keep = checkpointFileName(segment);
    const checkpoints = listCheckpoints(this.dir)
      .filter((c) => path.basename(c.file) !== keep)
      .map((c) => c.file);
    await removeFiles([...old, ...checkpoints]);
  }
}
