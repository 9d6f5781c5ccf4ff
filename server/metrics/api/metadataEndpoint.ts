import { METRIC_NAME } from "../model/labels";
import type { MetricMetadata } from "../storage";
import type { Endpoint } from "./apiTypes";
import type { PromParams } from "./params";
import { badData, promSuccess } from "./promResponse";

// Prometheus's metadata API: negative or absent means no limit, and a non-number is bad data in its words.
function countParam(params: PromParams, name: string): number {
  const text = params.get(name);
  if (text === undefined) return -1;
  if (!/^[+-]?\d+$/.test(text)) throw badData(`${name} must be a number`);
  return Number(text);
}

/** metadata: per metric name, its distinct type/help/unit; only names the reader can see series of. */
export const metadata: Endpoint = async (deps, call) => {
  const limit = countParam(call.params, "limit");
  const perMetric = countParam(call.params, "limit_per_metric");
  const all = deps.storage.metadata(call.params.get("metric"));
  // A reader limited to some namespaces learns only the names of metrics they may read.
  const visible = call.scopeMatchers.length === 0 ? undefined : new Set(deps.storage.querier().labelValues(METRIC_NAME, call.scopeMatchers, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  const data: Record<string, MetricMetadata[]> = {};
  let count = 0;
  for (const [metric, entries] of all) {
    if (limit >= 0 && count >= limit) break;
    if (visible && !visible.has(metric)) continue;
    data[metric] = perMetric >= 0 ? entries.slice(0, perMetric) : entries;
    count++;
  }
  return promSuccess(data);
};

export const buildInfo: Endpoint = async (deps) =>
  promSuccess({ version: deps.version, revision: "", branch: "", buildUser: "", buildDate: "", goVersion: "", application: "Orrery" });
