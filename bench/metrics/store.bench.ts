import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { measureStore } from "./storeFigures";

/** Run with `node --expose-gc --import tsx bench/metrics/store.bench.ts [seriesCount...]`. */
async function main(): Promise<void> {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = await mkdtemp(path.join(os.tmpdir(), "orrery-store-bench-"));
  try {
    const f = await measureStore({ seriesCounts: counts.length > 0 ? counts : [10_000], dir });
    console.log(`BENCH tsdb.bytes_per_sample=${f.bytesPerSample.toFixed(3)} bytes`);
    console.log(`BENCH tsdb.ingest_samples_per_sec=${Math.round(f.ingestSamplesPerSec)} samples/s`);
    for (const [n, bytes] of Object.entries(f.heapBytesPerSeries)) console.log(`BENCH tsdb.heap_bytes_per_series_${n}=${Math.round(bytes)} bytes`);
    console.log(`BENCH tsdb.recovery_ms=${Math.round(f.recoveryMs)} ms`);
    console.log(`BENCH tsdb.recovery_samples=${f.recoverySamples} samples`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
