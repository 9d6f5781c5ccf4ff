import { createEngine } from "../../promql/engine/createEngine";
import { formatExpr, parseExpr } from "../../promql/parser";
import { createMemoryStorage, headStats } from "../../tsdb";
import type { LabelMatcher } from "../../storage";
import type { PromApiDeps } from "../apiTypes";
import { PersonConcurrency } from "../personConcurrency";
import { handlePromApi } from "../promApi";

/** The API over the real parser, engine and an in-memory store, called as the route calls it. */
export function createRealApi(now: number) {
  const storage = createMemoryStorage();
  const limits = { timeoutMs: 10_000, maxSamples: 100_000, maxPointsPerSeries: 11_000, lookbackDeltaMs: 300_000 };
  const deps: PromApiDeps = {
    engine: createEngine(storage, { limits }),
    storage,
    parseSelector: (text) => {
      const expr = parseExpr(text);
      if (expr.kind !== "vectorSelector") throw new Error("not a selector");
      return expr.matchers;
    },
    formatQuery: (text) => formatExpr(parseExpr(text)),
    limits,
    now: () => now,
    version: "test",
    tsdbStatus: (limit, scope) => headStats(storage.head, limit, scope),
  };
  const concurrency = new PersonConcurrency(() => 4);
  async function call(path: string, params: Record<string, string>, scope: readonly LabelMatcher[] = []) {
    const req = new Request(`http://orrery.test/api/prom/api/v1/${path}?${new URLSearchParams(params)}`);
    const response = await handlePromApi(deps, concurrency, req, path.split("/"), { name: "reader", scopeMatchers: async () => scope });
    return { status: response.status, body: (await response.json()) as { status: string; data: unknown; errorType?: string; error?: string } };
  }
  return { storage, deps, call };
}
