import { randomUUID } from "node:crypto";
import { log } from "@/server/log";
import type { LabelMatcher } from "../storage";
import type { Endpoint, PromApiDeps } from "./apiTypes";
import { buildInfo, metadata } from "./metadataEndpoint";
import { readParams } from "./params";
import type { PersonConcurrency } from "./personConcurrency";
import { promError, promQLErrorOf } from "./promResponse";
import { formatQuery, instantQuery, rangeQuery } from "./queryEndpoints";
import { labelNames, labelValues, series } from "./seriesEndpoints";
import { tsdbStatus } from "./statusEndpoint";

interface Route {
  endpoint: Endpoint;
  methods: readonly string[];
  /** Counts against the person's concurrent queries. */
  heavy: boolean;
}

const getPost = ["GET", "POST"] as const;

/** The endpoint for a path below /api/v1/, as Prometheus routes them. */
function routeOf(path: readonly string[]): Route | undefined {
  const joined = path.join("/");
  switch (joined) {
    case "query": return { endpoint: instantQuery, methods: getPost, heavy: true };
    case "query_range": return { endpoint: rangeQuery, methods: getPost, heavy: true };
    case "series": return { endpoint: series, methods: getPost, heavy: true };
    case "labels": return { endpoint: labelNames, methods: getPost, heavy: true };
    case "metadata": return { endpoint: metadata, methods: ["GET"], heavy: true };
    case "format_query": return { endpoint: formatQuery, methods: getPost, heavy: false };
    case "status/buildinfo": return { endpoint: buildInfo, methods: ["GET"], heavy: false };
    case "status/tsdb": return { endpoint: tsdbStatus, methods: ["GET"], heavy: true };
  }
  if (path.length === 3 && path[0] === "label" && path[2] === "values") return { endpoint: labelValues(path[1]!), methods: ["GET"], heavy: true };
  return undefined;
}

/** Who asks and what they may read, as the route hands it over. */
export interface PromRequester {
  /** Key of the person for the concurrency limit. */
  name: string;
  /** The access rule's matchers (server/metrics/api/seriesScope.ts), computed only for endpoints that read. */
  scopeMatchers(): Promise<readonly LabelMatcher[]>;
}

function toPromErrorResponse(error: unknown, path: string): Response {
  const known = promQLErrorOf(error);
  if (known) return promError(known.type, known.message);
  const incident = randomUUID();
  log.error({ err: error, incident, path }, "unexpected error in the Prometheus API");
  return promError("internal", `internal error (incident ${incident}); the server log has the details`);
}

/** Answers one request below /api/prom/api/v1/ in Prometheus's shapes, every failure included. */
export async function handlePromApi(deps: PromApiDeps, concurrency: PersonConcurrency, req: Request, path: readonly string[], who: PromRequester): Promise<Response> {
  const route = routeOf(path);
  if (!route) return promError("not_found", `unknown API endpoint /api/v1/${path.join("/")}`);
  if (!route.methods.includes(req.method)) return promError("bad_data", `method ${req.method} is not allowed on /api/v1/${path.join("/")}; use ${route.methods.join(" or ")}`, { status: 405, headers: { Allow: route.methods.join(", ") } });
  const release = route.heavy ? concurrency.tryAcquire(who.name) : () => undefined;
  if (!release) return promError("unavailable", "too many concurrent queries from this person; wait for one to finish (limit set by --query-concurrency-per-person)", { headers: { "Retry-After": "1" } });
  try {
    const params = await readParams(req);
    const scopeMatchers = route.heavy ? await who.scopeMatchers() : [];
    return await route.endpoint(deps, { params, scopeMatchers, signal: req.signal });
  } catch (error) {
    return toPromErrorResponse(error, path.join("/"));
  } finally {
    release();
  }
}
