import { open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Head } from "../head";
import type { MemSeries } from "../memSeries";
import { XorAppender } from "../chunks/xorChunk";
import { ByteWriter, type ByteReader } from "./byteCodec";
import { readHistogram, writeHistogram } from "./histogramCodec";
import { RecordType, scanFrames, writeFrame } from "./recordFrame";
import { checkpointFileName } from "./segments";
import { readLabels, writeLabels } from "./walRecords";

const PIECE_BYTES = 1 << 20;

const SERIES_PER_SLICE = 5_000;

/**
 * Serializes the head into framed records, a piece of about 1 MiB at a time, yielding to the event
 * loop between slices so ingest and queries go on. Samples committed meanwhile may land both here
 * and in the WAL after the cut; replay skips what a series already holds, so the overlap is harmless.
 */
export async function* snapshotHead(head: Head): AsyncGenerator<Uint8Array> {
  let w = new ByteWriter(PIECE_BYTES + 4096);
  writeFrame(w, RecordType.SnapshotMeta, () => w.f64(head.minValidTime));
  let count = 0;
  for (const series of [...head.allSeries()]) {
    if (series.removed || !series.walLogged) continue;
    writeFrame(w, RecordType.SnapshotSeries, () => writeSeries(w, series, head));
    count++;
    if (w.length >= PIECE_BYTES) {
      yield w.result();
      w = new ByteWriter(PIECE_BYTES + 4096);
    }
    if (count % SERIES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  writeFrame(w, RecordType.SnapshotEnd, () => w.u32(count));
  yield w.result();
}

function writeSeries(w: ByteWriter, series: MemSeries, head: Head): void {
  w.u32(series.id);
  writeLabels(w, head.labelsOf(series));
  w.f64(series.lastT);
  w.u32(series.chunks.length);
  for (let i = 0; i < series.chunks.length; i++) {
    w.f64(series.chunkMint[i]!);
    w.f64(series.chunkMaxt[i]!);
    w.bytes(series.chunks[i]!);
  }
  w.u8(series.open ? 1 : 0);
  if (series.open) {
    w.f64(series.openMint);
    w.bytes(series.open.view());
  }
  const histograms = series.histograms ?? [];
  w.u32(histograms.length);
  for (const { t, h } of histograms) {
    w.f64(t);
    writeHistogram(w, h);
  }
}

/** Writes a checkpoint atomically: a temporary file, fsync, then rename over the final name. */
export async function writeCheckpoint(dir: string, segment: number, pieces: AsyncIterable<Uint8Array>): Promise<string> {
  const file = path.join(dir, checkpointFileName(segment));
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, "w");
  try {
    for await (const piece of pieces) await handle.write(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await syncDirectory(dir);
  return file;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Loads a checkpoint into an empty head; returns the problems found (the good part is kept). */
export async function loadCheckpoint(head: Head, file: string): Promise<string[]> {
  const data = await readFile(file);
  let ended = false;
  const scan = scanFrames(data, (type, r) => {
    if (type === RecordType.SnapshotMeta) head.minValidTime = r.f64();
    else if (type === RecordType.SnapshotSeries) readSeries(head, r);
    else if (type === RecordType.SnapshotEnd) ended = true;
    else throw new Error(`record type ${type} does not belong in a checkpoint`);
  });
  const name = path.basename(file);
  if (scan.error) return [`checkpoint ${name} is damaged: ${scan.error}; ${data.length - scan.goodBytes} bytes after it were not loaded`];
  return ended ? [] : [`checkpoint ${name} is incomplete (no end record); series after the last whole record are missing`];
}

function readSeries(head: Head, r: ByteReader): void {
  const id = r.u32();
  const series = head.restore(id, readLabels(r));
  series.lastT = r.f64();
  const chunks = r.u32();
  for (let i = 0; i < chunks; i++) {
    series.chunkMint.push(r.f64());
    series.chunkMaxt.push(r.f64());
    series.chunks.push(r.bytes());
  }
  if (r.u8() === 1) {
    series.openMint = r.f64();
    series.open = XorAppender.resume(r.bytes());
  }
  const histograms = r.u32();
  for (let i = 0; i < histograms; i++) (series.histograms ??= []).push({ t: r.f64(), h: readHistogram(r) });
  series.walLogged = true;
}

export async function removeFiles(files: string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}
