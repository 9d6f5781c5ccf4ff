import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { createMemoryStorage, openStorage, openStorageWithReport } from "@/server/metrics/tsdb";
import type { TsdbStorage } from "@/server/metrics/tsdb";
import { makeSeries, nextValue, scrapeTime, seededRandom, type SyntheticSeries } from "./realisticSeries";

export interface StoreFigures {
  /** Chunk bytes per float sample: 2,000 series of a realistic mix (see realisticSeries.ts), 2 h of 15 s scrapes. */
  bytesPerSample: number;
  /** Samples per CPU-second of this process through appender, WAL and head (one thread). */
  ingestSamplesPerSec: number;
  /** JS heap plus typed-array stores per active series (8 samples each), keyed by series count. */
  heapBytesPerSeries: Record<number, number>;
  /** Wall-clock time to reopen a directory whose WAL holds 1,000,000 samples. */
  recoveryMs: number;
  recoverySamples: number;
}

const SCRAPE_MS = 15_000;
const T0 = 1_700_000_000_000;

/** Appends `scrapes` scrapes of every series, one commit per scrape, with fresh label arrays as a receiver would see. */
async function writeScrapes(storage: TsdbStorage, series: SyntheticSeries[], scrapes: number, random: () => number, from = 0): Promise<number> {
  let samples = 0;
  for (let k = from; k < from + scrapes; k++) {
    const app = storage.appender();
    for (const s of series) app.append([...s.labels], scrapeTime(s, T0 + k * SCRAPE_MS, random), nextValue(s, random));
    samples += (await app.commit()).appended;
  }
  return samples;
}

/** Chunk bytes per sample over two hours of 15 s scrapes of a realistic mix. */
async function measureBytesPerSample(): Promise<number> {
  const random = seededRandom(11);
  const storage = createMemoryStorage();
  const samples = await writeScrapes(storage, makeSeries(2_000, random), 480, random);
  return storage.health().chunkBytes / samples;
}

/**
 * Samples per CPU-second through the full path (fresh label arrays, checks, WAL write, head) on one
 * thread. CPU time rather than wall time, so other processes on a shared machine do not count;
 * the process's GC threads do count, which only makes the figure lower.
 */
async function measureIngest(dir: string): Promise<number> {
  const random = seededRandom(12);
  const storage = await openStorage({ dir });
  const series = makeSeries(10_000, random);
  await writeScrapes(storage, series, 2, random);
  const start = process.cpuUsage();
  const samples = await writeScrapes(storage, series, 40, random, 2);
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  await storage.close();
  return samples / seconds;
}

function heapNow(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("measureStore needs node --expose-gc for heap figures");
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Heap (JS heap plus typed-array backing stores) per active series holding 8 samples each. */
async function measureHeap(count: number): Promise<number> {
  const random = seededRandom(13);
  const series = makeSeries(count, random);
  const before = heapNow();
  const storage = createMemoryStorage();
  for (let k = 0; k < 8; k++) {
    const app = storage.appender();
    for (const s of series) app.append(s.labels, T0 + k * SCRAPE_MS, nextValue(s, random));
    await app.commit();
  }
  const after = heapNow();
  if (storage.head.seriesCount !== count) throw new Error("heap measurement lost series");
  return (after - before) / count;
}

/** Time to reopen a directory holding 1,000,000 samples (10,000 series × 100 scrapes) in its WAL. */
async function measureRecovery(dir: string): Promise<{ ms: number; samples: number }> {
  const random = seededRandom(14);
  const writer = await openStorage({ dir });
  await writeScrapes(writer, makeSeries(10_000, random), 100, random);
  await writer.close();
  const start = performance.now();
  const { storage, samplesReplayed } = await openStorageWithReport({ dir });
  const ms = performance.now() - start;
  await storage.close();
  return { ms, samples: samplesReplayed };
}

export async function measureStore(options: { seriesCounts: number[]; dir: string }): Promise<StoreFigures> {
  const bytesPerSample = await measureBytesPerSample();
  const ingestDir = path.join(options.dir, "ingest");
  const recoveryDir = path.join(options.dir, "recovery");
  await mkdir(ingestDir, { recursive: true });
  const ingestSamplesPerSec = await measureIngest(ingestDir);
  await rm(ingestDir, { recursive: true, force: true });
  const heapBytesPerSeries: Record<number, number> = {};
  for (const count of options.seriesCounts) heapBytesPerSeries[count] = await measureHeap(count);
  const recovery = await measureRecovery(recoveryDir);
  await rm(recoveryDir, { recursive: true, force: true });
  return { bytesPerSample, ingestSamplesPerSec, heapBytesPerSeries, recoveryMs: recovery.ms, recoverySamples: recovery.samples };
}
