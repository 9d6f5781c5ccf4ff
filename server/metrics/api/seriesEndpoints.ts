import { compareLabels, labelsKey, labelsToRecord, type Labels } from "../model/labels";
import type { LabelMatcher } from "../storage";
import type { ApiCall, Endpoint, PromApiDeps } from "./apiTypes";
import { MAX_TIME, MIN_TIME, parseLimit, timeParam } from "./params";
import { badData, invalidParameter, promSuccess } from "./promResponse";

const truncatedWarning = "results truncated due to limit";

interface Window {
  start: number;
  end: number;
}

function windowOf(call: ApiCall): Window {
  const start = timeParam(call.params, "start", MIN_TIME);
  const end = timeParam(call.params, "end", MAX_TIME);
  if (end < start) throw invalidParameter("end", "end timestamp must not be before start time");
  return { start, end };
}

/** Each `match[]` as matchers, with the reader's access rule added to every one. */
function matcherSets(deps: PromApiDeps, call: ApiCall): LabelMatcher[][] {
  return call.params.getAll("match[]").map((text) => {
    try {
      return [...deps.parseSelector(text), ...call.scopeMatchers];
    } catch (error) {
      throw invalidParameter("match[]", error instanceof Error ? error.message : String(error));
    }
  });
}

function truncate<T>(items: T[], limit: number): { items: T[]; warnings: string[] } {
  if (limit <= 0 || items.length <= limit) return { items, warnings: [] };
  return { items: items.slice(0, limit), warnings: [truncatedWarning] };
}

function sortedUnion(lists: string[][]): string[] {
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort();
}

export const series: Endpoint = async (deps, call) => {
  const sets = matcherSets(deps, call);
  if (sets.length === 0) throw badData("no match[] parameter provided");
  const limit = parseLimit(call.params);
  const { start, end } = windowOf(call);
  const querier = deps.storage.querier();
  const byKey = new Map<string, Labels>();
  for (const set of sets) for (const labels of querier.series(set, start, end)) byKey.set(labelsKey(labels), labels);
  const found = [...byKey.values()].sort(compareLabels);
  const { items, warnings } = truncate(found, limit);
  return promSuccess(items.map(labelsToRecord), { warnings });
};

export const labelNames: Endpoint = async (deps, call) => {
  const limit = parseLimit(call.params);
  const { start, end } = windowOf(call);
  const querier = deps.storage.querier();
  const sets = matcherSets(deps, call);
  const lists = sets.length > 0 ? sets.map((set) => querier.labelNames(set, start, end)) : [querier.labelNames(call.scopeMatchers, start, end)];
  const { items, warnings } = truncate(sortedUnion(lists), limit);
  return promSuccess(items, { warnings });
};

/** label/<name>/values: any non-empty UTF-8 name is valid in Prometheus 3. */
export function labelValues(name: string): Endpoint {
  return async (deps, call) => {
    if (name === "") throw badData(`invalid label name: ""`);
    const limit = parseLimit(call.params);
    const { start, end } = windowOf(call);
    const querier = deps.storage.querier();
    const sets = matcherSets(deps, call);
    const lists = sets.length > 0 ? sets.map((set) => querier.labelValues(name, set, start, end)) : [querier.labelValues(name, call.scopeMatchers, start, end)];
    const { items, warnings } = truncate(sortedUnion(lists), limit);
    return promSuccess(items, { warnings });
  };
}
