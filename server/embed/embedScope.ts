// What an embed token opens: one view path with its fixed query (e.g. "/pods?ns=shop") and the data that view reads.

/** The kinds each embeddable view reads through /api/stream and /api/resources. */
const viewKinds: Readonly<Record<string, readonly string[]>> = {
  "/pods": ["pods", "namespaces", "events"],
  "/workloads": ["deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "pods", "namespaces", "events"],
  "/nodes": ["nodes", "pods", "namespaces", "events"],
  "/services": ["services", "endpointslices", "namespaces", "events"],
  "/topology": ["pods", "nodes", "namespaces", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "services", "endpointslices", "ingresses", "events"],
};

const clusterScoped = new Set(["nodes", "namespaces"]);
const maxScopeLength = 512;

export interface EmbedScope {
  /** The view path, e.g. "/pods". */
  pathname: string;
  /** Query parameters the viewer cannot change, e.g. ns=shop. */
  fixed: ReadonlyMap<string, string>;
}

export class EmbedScopeError extends Error {}

/** Parses and checks a scope as given when a token is created; throws a message for the person creating it. */
export function parseEmbedScope(scope: string): EmbedScope {
  if (scope.length > maxScopeLength) throw new EmbedScopeError(`scope is longer than ${maxScopeLength} characters`);
  if (!scope.startsWith("/") || scope.startsWith("//") || /[\s\\#]/.test(scope)) {
    throw new EmbedScopeError(`scope must be a view path such as "/pods?ns=shop", without host, fragment or backslashes`);
  }
  const url = new URL(scope, "http://scope.invalid");
  if (!(url.pathname in viewKinds)) {
    throw new EmbedScopeError(`scope ${JSON.stringify(url.pathname)} is not an embeddable view; use one of ${Object.keys(viewKinds).join(", ")}`);
  }
  const fixed = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (fixed.has(key)) throw new EmbedScopeError(`scope repeats the parameter ${JSON.stringify(key)}`);
    if (key === "embed") throw new EmbedScopeError(`scope cannot contain the "embed" parameter`);
    fixed.set(key, value);
  }
  return { pathname: url.pathname, fixed };
}

/** The scope in its one canonical spelling, so equal scopes compare equal. */
export function formatEmbedScope(scope: EmbedScope): string {
  const query = new URLSearchParams([...scope.fixed].sort(([a], [b]) => a.localeCompare(b)));
  const search = query.toString();
  return search ? `${scope.pathname}?${search}` : scope.pathname;
}

/** Whether the view's data of this kind and namespace may be read under the scope (for the stream and details). */
export function scopeAllowsResource(scope: EmbedScope | string, kind: string, namespace: string | undefined): boolean {
  const limit = embedLimitOf(scope, kind);
  if (limit === "none") return false;
  return limit === "any" || (namespace !== undefined && limit.has(namespace));
}

/**
 * What the scope lets a viewer read of one kind: nothing, any namespace, or the namespaces its link pins
 * (`ns=shop`, or `ns=shop,web` for the map, which takes several).
 */
export function embedLimitOf(scope: EmbedScope | string, kind: string): "none" | "any" | ReadonlySet<string> {
  const parsed = typeof scope === "string" ? safeParse(scope) : scope;
  if (!parsed || !viewKinds[parsed.pathname]?.includes(kind)) return "none";
  const pinned = parsed.fixed.get("ns");
  if (pinned === undefined || clusterScoped.has(kind)) return "any";
  return new Set(pinned.split(",").filter(Boolean));
}

function safeParse(scope: string): EmbedScope | undefined {
  try {
    return parseEmbedScope(scope);
  } catch {
    return undefined;
  }
}

/**
 * Whether a request path (origin-form, base path removed) is inside the scope: the view itself with its fixed
 * parameters unchanged, the stream socket, or the details of an object the view shows.
 */
export function scopeAllowsRequest(scope: EmbedScope | string, requestPath: string): boolean {
  const parsed = typeof scope === "string" ? safeParse(scope) : scope;
  if (!parsed || !requestPath.startsWith("/") || requestPath.startsWith("//")) return false;
  const url = new URL(requestPath, "http://request.invalid");
  if (url.pathname === parsed.pathname) return fixedParamsKept(parsed, url.searchParams);
  if (url.pathname === "/api/stream") return true;
  const details = /^\/api\/resources\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (!details) return false;
  const kind = safeDecode(details[1]!);
  const namespace = clusterScoped.has(kind ?? "") ? undefined : safeDecode(details[2]!.split("/")[0]!);
  if (kind === undefined || (namespace === undefined && !clusterScoped.has(kind))) return false;
  return scopeAllowsResource(parsed, kind, namespace);
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function fixedParamsKept(scope: EmbedScope, params: URLSearchParams): boolean {
  for (const [key, value] of scope.fixed) {
    const given = params.getAll(key);
    if (given.length !== 1 || given[0] !== value) return false;
  }
  return true;
}
