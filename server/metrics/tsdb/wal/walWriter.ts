import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import type { CommitBatch } from "../headAppender";
import { segmentFileName } from "./segments";
import { encodeCommit } from "./walRecords";

/** Appends commits to numbered segment files; a failed write leaves the segment as it was before the commit. */
export class WalWriter {
  private fd = -1;
  private size = 0;
  private dirty = false;
  /** Set when a failed write could not be undone, so the next commit starts a fresh segment. */
  private mustCut = false;
  /** The last write or sync failure, cleared by the next successful write. */
  failure: string | undefined;

  constructor(
    private readonly walDir: string,
    public segment: number,
    private readonly segmentBytes: number,
  ) {}

  log(batch: CommitBatch): void {
    const data = encodeCommit(batch);
    if (data.length === 0) return;
    try {
      if (this.fd < 0 || this.mustCut || (this.size > 0 && this.size + data.length > this.segmentBytes)) this.cut();
      this.writeAll(data);
      this.size += data.length;
      this.dirty = true;
      this.failure = undefined;
    } catch (err) {
      this.undoPartialWrite();
      this.failure = `write-ahead log write failed: ${describeError(err)}`;
      throw new Error(`${this.failure}; the batch was not stored`);
    }
  }

  /** Closes the current segment and starts the next one; returns the new segment's number. */
  cut(): number {
    if (this.fd >= 0) {
      this.closeCurrent();
      this.segment++;
    }
    this.fd = openSync(path.join(this.walDir, segmentFileName(this.segment)), "a");
    // Reopening a segment after a failed cut appends to it; undo must not truncate what is there.
    this.size = fstatSync(this.fd).size;
    this.mustCut = false;
    return this.segment;
  }

  /** Flushes to stable storage; called on an interval, not per commit. */
  sync(): void {
    if (this.fd < 0 || !this.dirty) return;
    try {
      fsyncSync(this.fd);
      this.dirty = false;
    } catch (err) {
      this.failure = `write-ahead log sync failed: ${describeError(err)}`;
    }
  }

  close(): void {
    if (this.fd >= 0) this.closeCurrent();
  }

  private closeCurrent(): void {
    const fd = this.fd;
    this.fd = -1;
    try {
      if (this.dirty) fsyncSync(fd);
    } finally {
      this.dirty = false;
      closeSync(fd);
    }
  }

  private writeAll(data: Uint8Array): void {
    let written = 0;
    while (written < data.length) written += writeSync(this.fd, data, written, data.length - written);
  }

  private undoPartialWrite(): void {
    if (this.fd < 0) return;
    try {
      ftruncateSync(this.fd, this.size);
    } catch {
      this.mustCut = true;
    }
  }
}

export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === "object" && e.code) return `${e.code} (${e.message})`;
  return err instanceof Error ? err.message : String(err);
}
