import type { Endpoint } from "./apiTypes";
import { badData, promError, promSuccess } from "./promResponse";

const defaultLimit = 10;

/** status/tsdb: the head's cardinality for operators, over the series the reader may see. */
export const tsdbStatus: Endpoint = async (deps, call) => {
  if (!deps.tsdbStatus) return promError("unavailable", "TSDB status is not available: this server has no local store");
  const text = call.params.get("limit");
  let limit = defaultLimit;
  if (text !== undefined) {
    // Prometheus's words for a limit that is not a whole number of at least 1.
    limit = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
    if (!(limit >= 1) || !Number.isSafeInteger(limit)) throw badData("limit must be a positive number");
  }
  return promSuccess(deps.tsdbStatus(limit, call.scopeMatchers));
};
