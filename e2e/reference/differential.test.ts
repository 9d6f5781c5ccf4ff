// Orrery's PromQL engine against Prometheus's own on the same random queries and the same data.
// PROMQL_DIFF_SEED replays a run; PROMQL_DIFF_COUNT changes how many expressions are generated.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createEngine } from "@/server/metrics/promql/engine/createEngine";
import type { QueryEngine } from "@/server/metrics/promql/values";
import { createMemoryStorage } from "@/server/metrics/tsdb";
import { describeMismatch, DIFFERENTIAL_LIMITS, makeCase, newTally, runCase, type Mismatch } from "./differentialCase";
import { makeKubeSeries } from "./kubeSeries";
import { QueryGenerator } from "./queryGenerator";
import { ReferenceEngine } from "./referenceEngine";
import { chooseSeed, SeededRandom } from "./seededRandom";
import { appendToStorage } from "./testSeries";

const seed = chooseSeed();
const count = Number(process.env.PROMQL_DIFF_COUNT ?? 2_000);
// Enough mismatches to see a pattern, few enough to read.
const maxReported = 25;

describe("differential: Orrery vs Prometheus's engine", () => {
  let reference: ReferenceEngine;
  let orrery: QueryEngine;

  beforeAll(async () => {
    console.log(`PROMQL_DIFF_SEED=${seed} (${count} expressions)`);
    const series = makeKubeSeries(new SeededRandom(seed));
    reference = await ReferenceEngine.start();
    const storage = createMemoryStorage();
    const [mine, theirs] = await Promise.all([appendToStorage(storage, series), reference.load(series)]);
    expect(mine).toBe(theirs.samples);
    orrery = createEngine(storage, { limits: DIFFERENTIAL_LIMITS, enableExperimental: true });
  });

  afterAll(async () => {
    await reference?.stop();
  });

  test(`${count} random expressions give the same results, instant and range`, async () => {
    const rng = new SeededRandom(seed ^ 0x5eed);
    const generator = new QueryGenerator(rng);
    const mismatches: Mismatch[] = [];
    const tally = newTally();
    for (let i = 0; i < count; i++) mismatches.push(...(await runCase(orrery, reference, makeCase(rng, generator), tally)));
    for (const m of mismatches.slice(0, maxReported)) console.log(describeMismatch(m, seed));
    const summary = `${mismatches.length} mismatches in ${count * 2} queries (PROMQL_DIFF_SEED=${seed})`;
    console.log(`${summary}; the reference answered ${tally.withData} with data, ${tally.empty} empty, ${tally.errors} errors`);
    expect(mismatches.length, summary).toBe(0);
    // Most queries must answer data, or the comparison proves little (about 55% do).
    expect(tally.withData, "queries with data").toBeGreaterThan(count * 2 * 0.4);
  });
});
