// One generated query run in both engines, instant and range, and the differences found.
import type { Millis } from "@/server/metrics/model/sample";
import { parseExpr } from "@/server/metrics/promql/parser";
import { PromQLError, type QueryEngine, type QueryLimits } from "@/server/metrics/promql/values";
import { compareOutcomes, describeOutcome } from "./compareOutcomes";
import { DATA_END } from "./kubeSeries";
import type { QueryGenerator } from "./queryGenerator";
import type { QueryOutcome } from "./referenceAnswer";
import type { ReferenceEngine } from "./referenceEngine";
import type { SeededRandom } from "./seededRandom";

/** The reference's limits, so that neither engine refuses what the other answers. */
export const DIFFERENTIAL_LIMITS: QueryLimits = { maxSamples: 500_000_000, timeoutMs: 600_000, lookbackDeltaMs: 300_000 };

export interface DifferentialCase {
  expr: string;
  time: Millis;
  start: Millis;
  end: Millis;
  step: Millis;
}

export interface Mismatch {
  kind: "instant" | "range";
  testCase: DifferentialCase;
  difference: string;
  orrery: string;
  reference: string;
}

/** Times inside and just past the data (lookback and staleness at the end), often off the scrape grid. */
export function makeCase(rng: SeededRandom, generator: QueryGenerator): DifferentialCase {
  const expr = generator.expression();
  const time = rng.int(2, 65) * 60_000 + (rng.chance(0.5) ? rng.int(1, 59_999) : 0);
  const step = rng.pick([15_000, 30_000, 60_000, 47_000, 120_000]);
  const start = rng.int(0, 40) * 60_000 + (rng.chance(0.3) ? rng.int(1, 999) : 0);
  const end = Math.min(start + rng.int(1, 40) * step, DATA_END + 10 * 60_000);
  return { expr, time, start, end, step };
}

/** sort and sort_desc at the top promise an order; everything else is compared as a set of series. */
export function isOrdered(expr: string): boolean {
  let top = parseExpr(expr);
  while (top.kind === "paren") top = top.expr;
  return top.kind === "call" && (top.func === "sort" || top.func === "sort_desc");
}

export async function orreryOutcome(run: () => ReturnType<QueryEngine["instantQuery"]>): Promise<QueryOutcome> {
  try {
    const answer = await run();
    return { ok: true, value: answer.value, warnings: answer.warnings, infos: answer.infos };
  } catch (err) {
    if (err instanceof PromQLError) return { ok: false, errorType: err.type, message: err.message };
    // A crash is a difference to report, not a reason to stop the other cases.
    return { ok: false, errorType: "internal", message: `crashed: ${err instanceof Error ? err.stack : String(err)}` };
  }
}

/** What the reference answered over a run, so that a generator that only makes empty results or errors shows. */
export interface AnswerTally {
  withData: number;
  empty: number;
  errors: number;
}

export function newTally(): AnswerTally {
  return { withData: 0, empty: 0, errors: 0 };
}

function countAnswer(tally: AnswerTally, outcome: QueryOutcome): void {
  if (!outcome.ok) tally.errors++;
  else if ((outcome.value.resultType === "vector" || outcome.value.resultType === "matrix") && outcome.value.result.length === 0) tally.empty++;
  else tally.withData++;
}

export async function runCase(orrery: QueryEngine, reference: ReferenceEngine, testCase: DifferentialCase, tally = newTally()): Promise<Mismatch[]> {
  const limits = { limits: DIFFERENTIAL_LIMITS };
  const { expr, time, start, end, step } = testCase;
  const pairs: [Mismatch["kind"], QueryOutcome, QueryOutcome][] = [
    ["instant", await orreryOutcome(() => orrery.instantQuery(expr, time, limits)), await reference.instantQuery(expr, time)],
    ["range", await orreryOutcome(() => orrery.rangeQuery(expr, start, end, step, limits)), await reference.rangeQuery(expr, start, end, step)],
  ];
  const mismatches: Mismatch[] = [];
  for (const [kind, mine, theirs] of pairs) {
    countAnswer(tally, theirs);
    const difference = compareOutcomes(mine, theirs, kind === "instant" && isOrdered(expr));
    if (difference) mismatches.push({ kind, testCase, difference, orrery: describeOutcome(mine), reference: describeOutcome(theirs) });
  }
  return mismatches;
}

export function describeMismatch(m: Mismatch, seed: number): string {
  const { expr, time, start, end, step } = m.testCase;
  const when = m.kind === "instant" ? `at ${time / 1000}s` : `from ${start / 1000}s to ${end / 1000}s step ${step / 1000}s`;
  return [
    `${m.kind} query ${when}: ${expr}`,
    `  difference: ${m.difference}`,
    `  orrery:    ${m.orrery}`,
    `  reference: ${m.reference}`,
    `  replay: PROMQL_DIFF_SEED=${seed} npm run test:reference`,
  ].join("\n");
}
