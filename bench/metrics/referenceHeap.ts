// Heap bytes per active series in Prometheus's head, on the series and 8 samples each that
// measureStore (storeFigures.ts) writes into Orrery's.
import type { ReferenceEngine } from "@/e2e/reference/referenceEngine";
import type { TestSeries } from "@/e2e/reference/testSeries";
import { makeSeries, nextValue, seededRandom } from "./realisticSeries";

const SCRAPE_MS = 15_000;
const T0 = 1_700_000_000_000;
const SAMPLES_PER_SERIES = 8;

/** The same values in the same order of draws as measureStore: scrape by scrape, series by series. */
function heapSeries(count: number): TestSeries[] {
  const random = seededRandom(13);
  const series = makeSeries(count, random);
  const timestamps = Array.from({ length: SAMPLES_PER_SERIES }, (_, k) => T0 + k * SCRAPE_MS);
  const out = series.map((s) => ({ labels: s.labels, timestamps, values: new Float64Array(SAMPLES_PER_SERIES) }));
  for (let k = 0; k < SAMPLES_PER_SERIES; k++) series.forEach((s, i) => (out[i]!.values[k] = nextValue(s, random)));
  return out;
}

export async function measureReferenceHeap(reference: ReferenceEngine, count: number): Promise<number> {
  await reference.reset();
  const before = await reference.stats();
  await reference.load(heapSeries(count));
  const after = await reference.stats();
  if (after.headSeries !== count) throw new Error(`the reference head holds ${after.headSeries} series, not ${count}`);
  await reference.reset();
  return (after.heapAllocBytes - before.heapAllocBytes) / count;
}
