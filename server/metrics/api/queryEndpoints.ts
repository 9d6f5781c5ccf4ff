import { PromQLError, type QueryOptions } from "../promql/values";
import type { ApiCall, Endpoint, PromApiDeps } from "./apiTypes";
import { parseDuration, parseLimit, timeParam, type PromParams } from "./params";
import { badData, invalidParameter, promQLErrorOf, promSuccess } from "./promResponse";
import { limitSeries, queryDataJson } from "./queryJson";
import { queryDeadline, runUnderDeadline } from "./runQuery";

const truncatedWarning = "results truncated due to limit";

function positiveDuration(params: PromParams, name: string): number | undefined {
  const text = params.get(name);
  return text === undefined ? undefined : parseDuration(text, name);
}

/** The query's limits: the flags', with `timeout` (never longer) and `lookback_delta` from the request. */
function queryLimits(deps: PromApiDeps, params: PromParams): { timeoutMs: number; options: Omit<QueryOptions, "signal"> } {
  const asked = positiveDuration(params, "timeout");
  const timeoutMs = asked !== undefined && asked > 0 ? Math.min(asked, deps.limits.timeoutMs) : deps.limits.timeoutMs;
  const lookback = positiveDuration(params, "lookback_delta");
  const lookbackDeltaMs = lookback !== undefined && lookback > 0 ? lookback : deps.limits.lookbackDeltaMs;
  return { timeoutMs, options: { limits: { timeoutMs, maxSamples: deps.limits.maxSamples, lookbackDeltaMs } } };
}

// A parse error is a bad `query` parameter, as Prometheus words it.
function asQueryParamError(error: unknown): unknown {
  const known = promQLErrorOf(error);
  if (known?.type === "bad_data" && !known.message.startsWith("invalid parameter")) {
    return new PromQLError("bad_data", `invalid parameter "query": ${known.message}`, known.position);
  }
  return known ?? error;
}

type Evaluation = ReturnType<PromApiDeps["engine"]["instantQuery"]>;

async function evaluate(deps: PromApiDeps, call: ApiCall, run: (options: QueryOptions) => Evaluation): Promise<Response> {
  const limit = parseLimit(call.params);
  const { timeoutMs, options } = queryLimits(deps, call.params);
  const deadline = queryDeadline(call.signal, timeoutMs);
  const result = await runUnderDeadline(deadline, (signal) => run({ ...options, extraMatchers: call.scopeMatchers, signal })).catch((error: unknown) => {
    throw asQueryParamError(error);
  });
  const { value, truncated } = limitSeries(result.value, limit);
  const warnings = truncated ? [...result.warnings, truncatedWarning] : result.warnings;
  return promSuccess(queryDataJson(value), { warnings, infos: result.infos });
}

export const instantQuery: Endpoint = (deps, call) => {
  const time = timeParam(call.params, "time", deps.now());
  const query = call.params.get("query") ?? "";
  return evaluate(deps, call, (options) => deps.engine.instantQuery(query, time, options));
};

function checkRange(deps: PromApiDeps, start: number, end: number, step: number): void {
  if (end < start) throw invalidParameter("end", "end timestamp must not be before start time");
  if (step <= 0) throw invalidParameter("step", "zero or negative query resolution step widths are not accepted. Try a positive integer");
  const max = deps.limits.maxPointsPerSeries;
  if (Math.floor((end - start) / step) > max) {
    throw badData(`exceeded maximum resolution of ${max.toLocaleString("en-US")} points per timeseries. Try decreasing the query resolution (?step=XX)`);
  }
}

function required(params: PromParams, name: string): string {
  const text = params.get(name);
  // Go parses "" as neither a number nor a time, so a missing value reads as the empty string.
  return text ?? "";
}

export const rangeQuery: Endpoint = (deps, call) => {
  const { params } = call;
  const start = timeParam(params, "start", Number.NaN);
  const end = timeParam(params, "end", Number.NaN);
  if (Number.isNaN(start)) throw invalidParameter("start", `cannot parse "" to a valid timestamp`);
  if (Number.isNaN(end)) throw invalidParameter("end", `cannot parse "" to a valid timestamp`);
  const step = parseDuration(required(params, "step"), "step");
  checkRange(deps, start, end, step);
  const query = params.get("query") ?? "";
  return evaluate(deps, call, (options) => deps.engine.rangeQuery(query, start, end, step, options));
};

export const formatQuery: Endpoint = async (deps, call) => {
  try {
    return promSuccess(deps.formatQuery(call.params.get("query") ?? ""));
  } catch (error) {
    throw asQueryParamError(error);
  }
};
