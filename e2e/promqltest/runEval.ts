import type { MatrixSeries, QueryEngine, QueryValue, VectorSample } from "@/server/metrics/promql/values";
import { checkAnnotations, checkFailure, expectsFailure } from "./checkExpectations";
import { compareLabels } from "@/server/metrics/model/labels";
import { compareResult, isOrdered } from "./compareResult";
import type { EvalCommand } from "./scriptTypes";

export interface EvalLimits {
  timeoutMs: number;
  maxSamples: number;
}

type Answer = Awaited<ReturnType<QueryEngine["instantQuery"]>>;

/**
 * Runs one eval as promqltest does; returns why it failed, or null when it passed. Engine errors and timeouts are failures,
 * never thrown. promqltest also re-runs instant queries with `@ <time>` added to every selector; that needs an expression
 * printer and is not done here.
 */
export async function runEval(engine: QueryEngine, command: EvalCommand, limits: EvalLimits): Promise<string | null> {
  if (command.parseError) return `cannot read the eval: ${command.parseError}`;
  const main = await ask(engine, command, limits, command.range ? { range: command.range } : { at: instantTime(command) });
  if ("error" in main) {
    if (expectsFailure(command)) return checkFailure(command, main.error);
    return `error evaluating query: ${main.error}`;
  }
  if (expectsFailure(command)) return "expected error evaluating query but got none";
  const problem = checkAnnotations(command, main.answer.warnings, main.answer.infos) ?? compareResult(command, main.answer.value);
  if (problem || command.range) return problem;
  return checkRangeMode(engine, command, limits, main.answer.value);
}

/** An `expect range vector` line moves the instant query to the end of its range, as promqltest does. */
function instantTime(command: EvalCommand): number {
  return command.rangeVector?.end ?? command.instantAt ?? 0;
}

/** Queries whose value depends on the query's own start, end, range or step are not compared in range mode. */
const QUERY_CONTEXT_FUNCTIONS = /(start|end|range|step)\(\)/;

/** An instant eval must give the same answer at its time as the middle step of a range query around it. */
async function checkRangeMode(engine: QueryEngine, command: EvalCommand, limits: EvalLimits, instantValue: QueryValue): Promise<string | null> {
  if (command.rangeVector || command.expectedString !== undefined || QUERY_CONTEXT_FUNCTIONS.test(command.query)) return null;
  const at = command.instantAt ?? 0;
  const asked = await ask(engine, command, limits, { range: { start: at - 60_000, end: at + 60_000, step: 60_000 } });
  if ("error" in asked) return `error evaluating query in range mode: ${asked.error}`;
  if (isOrdered(command)) return null;
  const value = asked.answer.value;
  if (value.resultType !== "matrix") return `range mode returned a ${value.resultType}, not a matrix`;
  const unsorted = value.result.findIndex((s, i) => i > 0 && compareLabels(value.result[i - 1]!.labels, s.labels) > 0);
  if (unsorted > 0) return "range mode: matrix results should always be sorted by labels";
  const samples = value.result.flatMap((s) => pointAt(s, at));
  if (instantValue.resultType === "scalar") {
    const first = samples[0];
    if (!first || first.value === undefined) return "range mode returned no float point at the eval time for a scalar query";
    return prefixed(compareResult(command, { resultType: "scalar", t: at, value: first.value }));
  }
  return prefixed(compareResult(command, { resultType: "vector", result: samples }));
}

function prefixed(problem: string | null): string | null {
  return problem && `range mode: ${problem}`;
}

function pointAt(series: MatrixSeries, t: number): VectorSample[] {
  const out: VectorSample[] = [];
  const float = series.floats.find((p) => p.t === t);
  if (float) out.push({ labels: series.labels, t, value: float.value });
  const histogram = series.histograms?.find((p) => p.t === t);
  if (histogram) out.push({ labels: series.labels, t, histogram: histogram.h });
  return out;
}

type When = { at: number } | { range: { start: number; end: number; step: number } };

/** One query with a deadline: the engine gets the timeout and an abort signal, and a query that never settles is abandoned. */
async function ask(engine: QueryEngine, command: EvalCommand, limits: EvalLimits, when: When): Promise<{ answer: Answer } | { error: string }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${limits.timeoutMs} ms`));
    }, limits.timeoutMs + 1_000);
  });
  const options = { limits: { timeoutMs: limits.timeoutMs, maxSamples: limits.maxSamples }, signal: controller.signal };
  try {
    const query = "at" in when ? engine.instantQuery(command.query, when.at, options) : engine.rangeQuery(command.query, when.range.start, when.range.end, when.range.step, options);
    return { answer: await Promise.race([query, deadline]) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
