// Query latency in Orrery and in Prometheus's engine on the same data: median of a few runs each,
// parse and evaluation only (no HTTP, no JSON), after as many warm-up runs: a server runs its queries
// again and again, so both engines are timed in their steady state (V8 optimizes a hot path only after
// several runs; Go is compiled ahead of time).
import { performance } from "node:perf_hooks";
import { appendToStorage } from "@/e2e/reference/testSeries";
import type { ReferenceEngine } from "@/e2e/reference/referenceEngine";
import { createEngine } from "@/server/metrics/promql/engine/createEngine";
import type { QueryEngine } from "@/server/metrics/promql/values";
import { createMemoryStorage } from "@/server/metrics/tsdb";
import { makeQuerySeries, QUERY_END, QUERY_START, RANGE_STEP_MS } from "./querySeries";

export const BENCH_QUERIES: Record<string, string> = {
  selector: "x",
  rate: "rate(x[5m])",
  sum_rate: "sum by (namespace) (rate(x[5m]))",
  histogram_quantile: "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))",
  topk: "topk(5, x)",
};

export interface QueryFigure {
  name: string;
  orreryMs: number;
  referenceMs: number;
}

export interface QueryRuns {
  instant: number;
  range: number;
}

const limits = { limits: { maxSamples: 500_000_000, timeoutMs: 600_000 } };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeOrrery(run: () => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < runs; i++) await run();
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    took.push(performance.now() - start);
  }
  return median(took);
}

/** One run per request, so that a slow query never meets fetch's header timeout; the process times each run itself. */
async function timeReference(run: (n: number) => Promise<number[]>, runs: number): Promise<number> {
  for (let i = 0; i < runs; i++) await run(1);
  const took: number[] = [];
  for (let i = 0; i < runs; i++) took.push(...(await run(1)));
  return median(took) / 1e6;
}

async function measureOne(orrery: QueryEngine, reference: ReferenceEngine, query: string, runs: QueryRuns) {
  const instant = {
    orreryMs: await timeOrrery(() => orrery.instantQuery(query, QUERY_END, limits), runs.instant),
    referenceMs: await timeReference((n) => reference.timeInstant(query, QUERY_END, n), runs.instant),
  };
  const range = {
    orreryMs: await timeOrrery(() => orrery.rangeQuery(query, QUERY_START, QUERY_END, RANGE_STEP_MS, limits), runs.range),
    referenceMs: await timeReference((n) => reference.timeRange(query, QUERY_START, QUERY_END, RANGE_STEP_MS, n), runs.range),
  };
  return { instant, range };
}

/** Loads `count` series of x and x_bucket into a fresh Orrery store and a fresh reference head, then times every query. */
export async function measureQueries(reference: ReferenceEngine, count: number, runs: QueryRuns): Promise<QueryFigure[]> {
  const series = makeQuerySeries(count);
  await reference.reset();
  const storage = createMemoryStorage();
  await Promise.all([appendToStorage(storage, series), reference.load(series)]);
  const orrery = createEngine(storage, { limits: limits.limits });
  const figures: QueryFigure[] = [];
  for (const [name, query] of Object.entries(BENCH_QUERIES)) {
    const { instant, range } = await measureOne(orrery, reference, query, runs);
    figures.push({ name: `query_instant_ms.${name}.${count}`, ...instant }, { name: `query_range_1000_steps_ms.${name}.${count}`, ...range });
  }
  await storage.close();
  await reference.reset();
  return figures;
}
