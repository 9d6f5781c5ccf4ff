// Metrics engine benchmark: Orrery's store and PromQL engine beside Prometheus's own (e2e/promql-reference)
// in one run. Run: npm run bench:metrics
// BENCH_METRICS_SERIES (query data sizes, default 2000,20000), BENCH_METRICS_HEAP_SERIES (default
// 100000,1000000), BENCH_METRICS_RUNS_INSTANT (10), BENCH_METRICS_RUNS_RANGE (3) override the defaults.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ReferenceEngine } from "@/e2e/reference/referenceEngine";
import { measureQueries } from "./metrics/queryFigures";
import { measureReferenceHeap } from "./metrics/referenceHeap";
import { measureStore } from "./metrics/storeFigures";

function counts(name: string, fallback: string): number[] {
  const list = (process.env[name] ?? fallback).split(",").map(Number);
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`${name} must be a comma-separated list of positive integers`);
  return list;
}

function bench(name: string, value: number, unit: string): void {
  const digits = unit === "B" || unit === "samples/s" ? 0 : unit === "ratio" ? 2 : 3;
  console.log(`BENCH metrics.${name}=${value.toFixed(digits)} ${unit}`);
}

/** A figure, the reference's (.ref) and Orrery ÷ reference (.ratio), as DESIGN.md section 10 asks. */
function benchPair(name: string, orrery: number, reference: number, unit: string): void {
  bench(name, orrery, unit);
  bench(`${name}.ref`, reference, unit);
  bench(`${name}.ratio`, orrery / reference, "ratio");
}

async function storeFigures(reference: ReferenceEngine): Promise<void> {
  const heapCounts = counts("BENCH_METRICS_HEAP_SERIES", "100000,1000000");
  const dir = await mkdtemp(path.join(os.tmpdir(), "orrery-bench-metrics-"));
  try {
    const store = await measureStore({ seriesCounts: heapCounts, dir });
    console.log(`BENCH metrics.bytes_per_sample=${store.bytesPerSample.toFixed(3)} B/sample`);
    bench("ingest_samples_per_s", store.ingestSamplesPerSec, "samples/s");
    for (const count of heapCounts) {
      benchPair(`heap_bytes_per_series.${count}`, store.heapBytesPerSeries[count]!, await measureReferenceHeap(reference, count), "B");
    }
    bench(`recovery_ms.${store.recoverySamples}_samples`, store.recoveryMs, "ms");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function queryFigures(reference: ReferenceEngine): Promise<void> {
  const runs = { instant: Number(process.env.BENCH_METRICS_RUNS_INSTANT ?? 10), range: Number(process.env.BENCH_METRICS_RUNS_RANGE ?? 3) };
  for (const count of counts("BENCH_METRICS_SERIES", "2000,20000")) {
    for (const figure of await measureQueries(reference, count, runs)) benchPair(figure.name, figure.orreryMs, figure.referenceMs, "ms");
  }
}

async function main(): Promise<void> {
  const reference = await ReferenceEngine.start();
  try {
    await storeFigures(reference);
    await queryFigures(reference);
  } finally {
    await reference.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
