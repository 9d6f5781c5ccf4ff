// Series both engines load: Orrery through its Appender, the reference through its /load lines.
import { labelsToRecord, type Labels } from "@/server/metrics/model/labels";
import { isStaleNaN, type Millis } from "@/server/metrics/model/sample";
import type { Storage } from "@/server/metrics/storage";

/** One series' samples, oldest first; a stale marker is STALE_NAN in `values`. */
export interface TestSeries {
  labels: Labels;
  timestamps: Millis[];
  /** A typed array: V8 rewrites the NaN payload (and so loses stale markers) in plain number arrays. */
  values: Float64Array;
}

// Lines per chunk of the load body, so a million-series load is never one string.
const seriesPerChunk = 500;

/** Newline-delimited JSON as e2e/promql-reference/load.go reads it, streamed in chunks. */
export async function* encodeLoadBody(series: Iterable<TestSeries>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let lines: string[] = [];
  for (const one of series) {
    lines.push(encodeSeriesLine(one));
    if (lines.length >= seriesPerChunk) {
      yield encoder.encode(lines.join(""));
      lines = [];
    }
  }
  if (lines.length > 0) yield encoder.encode(lines.join(""));
}

export function encodeSeriesLine(series: TestSeries): string {
  const stale: number[] = [];
  const values = Array.from(series.values, (v, i) => {
    if (isStaleNaN(v)) {
      stale.push(i);
      return 0;
    }
    return Number.isFinite(v) ? v : String(v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : "NaN");
  });
  const line = { labels: labelsToRecord(series.labels), t: series.timestamps, v: values, stale };
  return `${JSON.stringify(line)}\n`;
}

// Samples per commit: large enough to be fast, small enough not to hold a huge batch.
const samplesPerCommit = 100_000;

/** Appends every sample to Orrery's store in time order across series, as a scraper would. */
export async function appendToStorage(storage: Storage, series: readonly TestSeries[]): Promise<number> {
  const cursors = new Int32Array(series.length);
  let appender = storage.appender();
  let pending = 0;
  let appended = 0;
  for (const t of distinctTimestamps(series)) {
    for (let s = 0; s < series.length; s++) {
      const one = series[s]!;
      const i = cursors[s]!;
      if (one.timestamps[i] !== t) continue;
      appender.append(one.labels, t, one.values[i]!);
      cursors[s] = i + 1;
      pending++;
    }
    if (pending >= samplesPerCommit) {
      appended += (await appender.commit()).appended;
      appender = storage.appender();
      pending = 0;
    }
  }
  return appended + (await appender.commit()).appended;
}

function distinctTimestamps(series: readonly TestSeries[]): number[] {
  const all = new Set<number>();
  for (const one of series) for (const t of one.timestamps) all.add(t);
  return [...all].sort((a, b) => a - b);
}
