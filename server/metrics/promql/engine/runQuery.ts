import type { Querier } from "../../storage";
import type { Expr } from "../ast";
import { valueTypeOf } from "../parser";
import type { QueryOptions, QueryValue } from "../values";
import { PromQLError } from "../values";
import { Annotations } from "./annotations";
import { evaluate } from "./evaluate";
import { DEFAULT_LIMITS, SampleBudget } from "./limits";
import { instantResult, rangeResult } from "./results";
import type { EvalContext, StepGrid } from "./types";

export interface QueryRun {
  expr: Expr;
  /** The query text, for annotation positions. */
  query: string;
  querier: Querier;
  start: number;
  end: number;
  /** 0 for an instant query. */
  step: number;
  options?: QueryOptions;
  defaultLimits?: Partial<EvalContext["limits"]>;
  enableExperimental?: boolean;
}

export interface QueryOutcome {
  value: QueryValue;
  warnings: string[];
  infos: string[];
}

/** Prometheus refuses a range query over a range vector or string before evaluating anything. */
function checkRangeQueryType(expr: Expr): void {
  const type = valueTypeOf(expr);
  if (type !== "matrix" && type !== "string") return;
  const name = type === "matrix" ? "range vector" : "string";
  throw new PromQLError("bad_data", `invalid expression type "${name}" for range query, must be Scalar or instant Vector`);
}

/** Evaluates a parsed query over [start, end] at step (one step for an instant query). */
export function runQuery(run: QueryRun): QueryOutcome {
  const limits = { ...DEFAULT_LIMITS, ...run.defaultLimits, ...run.options?.limits };
  const instant = run.step === 0;
  if (!instant && run.end < run.start) throw new PromQLError("bad_data", "end timestamp must not be before start time");
  if (!instant) checkRangeQueryType(run.expr);
  const grid: StepGrid = {
    start: run.start,
    end: run.end,
    step: run.step,
    count: instant ? 1 : Math.floor((run.end - run.start) / run.step) + 1,
  };
  const annotations = new Annotations(run.query);
  const ctx: EvalContext = {
    querier: run.querier,
    grid,
    queryStart: run.start,
    queryEnd: instant ? run.start : run.end,
    queryStep: run.step,
    limits,
    extraMatchers: run.options?.extraMatchers ?? [],
    annotations,
    budget: new SampleBudget(limits.maxSamples, Date.now() + limits.timeoutMs, run.options?.signal),
    defaultSubqueryStepMs: 60_000,
    enableExperimental: run.enableExperimental ?? true,
  };
  ctx.budget.checkNow();
  const evaluated = evaluate(run.expr, ctx);
  const value = instant ? instantResult(evaluated, run.start) : rangeResult(evaluated, grid);
  return { value, warnings: [...annotations.warnings], infos: [...annotations.infos] };
}
