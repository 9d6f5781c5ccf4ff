import type { Querier } from "../../storage";
import { parseExpr } from "../parser";
import type { QueryEngine, QueryLimits, QueryOptions } from "../values";
import { PromQLError } from "../values";
import { runQuery, type QueryOutcome } from "./runQuery";

/** Yields to the event loop first so a query never starts inside its caller's synchronous turn. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function checkRange(start: number, end: number, step: number): void {
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new PromQLError("bad_data", "invalid time range");
  if (end < start) throw new PromQLError("bad_data", "end timestamp must not be before start time");
  if (!(step > 0)) throw new PromQLError("bad_data", "zero or negative query resolution step widths are not accepted. Try a positive integer");
}

/** The PromQL engine over a store: parses, evaluates with Prometheus 3 semantics and reports annotations. */
export function createEngine(
  storage: { querier(): Querier },
  options?: { limits?: Partial<QueryLimits>; enableExperimental?: boolean },
): QueryEngine {
  const run = async (query: string, start: number, end: number, step: number, queryOptions?: QueryOptions): Promise<QueryOutcome> => {
    const expr = parseExpr(query);
    await nextTurn();
    if (queryOptions?.signal?.aborted) throw new PromQLError("canceled", "query was canceled in query execution");
    return runQuery({
      expr, query, querier: storage.querier(), start, end, step,
      options: queryOptions,
      defaultLimits: options?.limits,
      // Experimental features (anchored/smoothed) are on unless the caller turns them off.
      enableExperimental: options?.enableExperimental ?? true,
    });
  };
  return {
    instantQuery: (query, time, queryOptions) => run(query, time, time, 0, queryOptions),
    rangeQuery: async (query, start, end, step, queryOptions) => {
      checkRange(start, end, step);
      return run(query, start, end, step, queryOptions);
    },
  };
}
