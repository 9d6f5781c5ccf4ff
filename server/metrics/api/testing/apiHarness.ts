import { PromQLError } from "../../promql/values";
import type { LabelMatcher, MatchType, MetricMetadata } from "../../storage";
import type { PromApiDeps } from "../apiTypes";
import { PersonConcurrency } from "../personConcurrency";
import { handlePromApi } from "../promApi";
import { FakeEngine } from "./fakeEngine";
import { createFakeStorage } from "./fakeStorage";

// Enough of the selector grammar for the tests: name{a="b", c=~"d"}; anything else is a parse error.
function parseTestSelector(text: string): LabelMatcher[] {
  const m = /^([A-Za-z_:][\w:]*)?(?:\{(.*)\})?$/.exec(text.trim());
  if (!m || (!m[1] && m[2] === undefined)) throw new PromQLError("bad_data", `1:1: parse error: unexpected character in ${JSON.stringify(text)}`, { start: 0, end: 1 });
  const matchers: LabelMatcher[] = m[1] ? [{ type: "=", name: "__name__", value: m[1] }] : [];
  for (const part of (m[2] ?? "").split(",").filter((p) => p.trim() !== "")) {
    const pm = /^\s*([\w]+)\s*(=~|!~|!=|=)\s*"([^"]*)"\s*$/.exec(part);
    if (!pm) throw new PromQLError("bad_data", `1:1: parse error: bad matcher ${JSON.stringify(part)}`, { start: 0, end: 1 });
    matchers.push({ name: pm[1]!, type: pm[2] as MatchType, value: pm[3]! });
  }
  return matchers;
}

export interface HarnessOptions {
  series?: Record<string, string>[];
  metadata?: Record<string, MetricMetadata[]>;
  scope?: readonly LabelMatcher[];
  concurrency?: number;
}

/** The API over a fake engine and store, called like the route calls it. */
export function createApiHarness(options: HarnessOptions = {}) {
  const engine = new FakeEngine(() => ({ value: { resultType: "vector", result: [] }, warnings: [], infos: [] }));
  const deps: PromApiDeps = {
    engine,
    storage: createFakeStorage(options.series ?? [], options.metadata),
    parseSelector: parseTestSelector,
    formatQuery: (text) => {
      if (text.includes("(")) return text.replace(/\s+/g, "");
      throw new PromQLError("bad_data", "1:1: parse error: no expression found in input", { start: 0, end: 0 });
    },
    limits: { timeoutMs: 2000, maxSamples: 1000, maxPointsPerSeries: 11_000, lookbackDeltaMs: 300_000 },
    now: () => 1_700_000_000_000,
    version: "0.1.0",
  };
  const concurrency = new PersonConcurrency(() => options.concurrency ?? 4);
  async function call(path: string, params: Record<string, string | string[]> = {}, init: { method?: "GET" | "POST"; person?: string; signal?: AbortSignal } = {}) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
    const method = init.method ?? "GET";
    const url = `http://orrery.test/api/prom/api/v1/${path}${method === "GET" ? `?${search}` : ""}`;
    const req = new Request(url, method === "GET" ? { signal: init.signal } : { method, body: search.toString(), headers: { "content-type": "application/x-www-form-urlencoded" }, signal: init.signal });
    const response = await handlePromApi(deps, concurrency, req, path.split("/"), { name: init.person ?? "alice", scopeMatchers: async () => options.scope ?? [] });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }
  return { engine, deps, call };
}
