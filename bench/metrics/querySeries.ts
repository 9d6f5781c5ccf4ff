// Data for the query benchmarks: `x`, a counter per pod over 20 namespaces, and `x_bucket`, classic
// histogram buckets, each with `count` series, scraped every minute across a 1,000-step range.
import { labelsFromRecord } from "@/server/metrics/model/labels";
import type { Millis } from "@/server/metrics/model/sample";
import type { TestSeries } from "@/e2e/reference/testSeries";
import { seededRandom } from "./realisticSeries";

export const QUERY_SCRAPE_MS: Millis = 60_000;
export const RANGE_STEP_MS: Millis = 15_000;
export const RANGE_STEPS = 1_000;
/** The range query ends here and starts 999 steps earlier; the data starts one lookback before that. */
export const QUERY_END: Millis = 1_700_000_000_000;
export const QUERY_START: Millis = QUERY_END - (RANGE_STEPS - 1) * RANGE_STEP_MS;
const DATA_START: Millis = QUERY_START - 10 * 60_000;

const BUCKET_BOUNDS = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"];

function scrapeTimes(): Millis[] {
  const times: Millis[] = [];
  for (let t = DATA_START; t <= QUERY_END; t += QUERY_SCRAPE_MS) times.push(t);
  return times;
}

/** A counter that grows by random amounts and resets about once a day. */
function counterValues(length: number, random: () => number): Float64Array {
  const values = new Float64Array(length);
  let value = Math.floor(random() * 1000);
  for (let i = 0; i < length; i++) {
    value = random() < 1 / 1440 ? 0 : value + Math.floor(random() * 100);
    values[i] = value;
  }
  return values;
}

function counterSeries(count: number, times: Millis[], random: () => number): TestSeries[] {
  return Array.from({ length: count }, (_, i) => ({
    labels: labelsFromRecord({ __name__: "x", namespace: `ns-${i % 20}`, pod: `pod-${i}`, job: "app" }),
    timestamps: times,
    values: counterValues(times.length, random),
  }));
}

/** Buckets stay cumulative: each `le` adds its own increments to the one below. */
function bucketSeries(count: number, times: Millis[], random: () => number): TestSeries[] {
  const out: TestSeries[] = [];
  for (let group = 0; group < count / BUCKET_BOUNDS.length; group++) {
    let below = new Float64Array(times.length);
    for (const le of BUCKET_BOUNDS) {
      const own = counterValues(times.length, random);
      const values = below.map((v, i) => v + own[i]!);
      out.push({ labels: labelsFromRecord({ __name__: "x_bucket", namespace: `ns-${group % 20}`, pod: `pod-${group}`, le, job: "app" }), timestamps: times, values });
      below = values;
    }
  }
  return out;
}

/** `count` series of `x` and `count` series of `x_bucket`, the same for Orrery and the reference. */
export function makeQuerySeries(count: number): TestSeries[] {
  const random = seededRandom(count);
  const times = scrapeTimes();
  return [...counterSeries(count, times, random), ...bucketSeries(count, times, random)];
}
