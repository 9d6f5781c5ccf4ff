import type { Person } from "../auth/person";
import { checkCsrf, isStateChanging } from "./csrf";
import { ApiError, apiResponseHeaders, toErrorResponse } from "./errors";
import { MAX_BODY_BYTES, queryTooLong, readBodyWithin, uriTooLongError } from "./limits";
import type { OriginPolicy } from "./originPolicy";

/** How a request is turned into a person: the login code's `authenticateRequest`. */
export type Authenticate = (req: Request) => Promise<Person | null>;

export interface RouteContext<Params, Who = Person> {
  person: Who;
  params: Params;
}

export type RouteHandler<Params, Who = Person> = (req: Request, context: RouteContext<Params, Who>) => Response | Promise<Response>;

export interface RouteOptions {
  /** Answer without login (only /api/healthz); the handler gets `person: null` when nobody is logged in. */
  public?: boolean;
  /** Largest accepted body in bytes (default 1 MiB); a function when a flag sets it, read per request. */
  maxBodyBytes?: number | (() => number);
  /**
   * How a POST is guarded. "change" (default): Origin and CSRF header, refused to read-only persons.
   * "read": a query sent as a form (Prometheus clients), which changes nothing: only a foreign Origin is refused.
   * "machine": a machine-to-machine protocol whose handler authenticates the writer and requires a content type
   * no cross-site form can send: only a foreign Origin is refused here.
   */
  post?: "change" | "read" | "machine";
  /** The handler reads the body itself, within `maxBodyBytes`, to answer an oversized one in its own protocol's words. */
  rawBody?: boolean;
}

/** The function Next calls: `export const GET = withRoute(...)`. */
export type NextRouteHandler<Params> = (req: Request, context: { params: Promise<Params> }) => Promise<Response>;

export interface RouteWrapperDeps {
  authenticate: Authenticate;
  originPolicy: () => OriginPolicy;
  /** --read-only: nobody may change anything. */
  readOnly: () => boolean;
}

export interface WithRoute {
  <Params = Record<string, never>>(handler: RouteHandler<Params, Person | null>, options: RouteOptions & { public: true }): NextRouteHandler<Params>;
  <Params = Record<string, never>>(handler: RouteHandler<Params>, options?: RouteOptions & { public?: false }): NextRouteHandler<Params>;
}

function withApiHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(apiResponseHeaders)) if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// Buffers the body within the limit and hands the handler a request whose body can be read as usual.
async function boundedRequest(req: Request, limit: number): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const body = await readBodyWithin(req.body, req.headers.get("content-length"), limit);
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
}

function bodyLimit(options: RouteOptions): number {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return typeof limit === "function" ? limit() : limit;
}

// A browser names the page's origin on every cross-origin POST; only a foreign one is refused, a client without one passes.
function checkForeignOrigin(req: Request, policy: OriginPolicy): void {
  const origin = policy.check(req.headers.get("origin") ?? undefined, req.headers.get("host") ?? undefined);
  if (!origin.ok) throw ApiError.forbidden(`cross-site request refused: ${origin.reason}`);
}

async function admit(deps: RouteWrapperDeps, req: Request, options: RouteOptions): Promise<Person | null> {
  const url = new URL(req.url);
  if (queryTooLong(url.search)) throw uriTooLongError();
  const limit = bodyLimit(options);
  const declared = req.headers.get("content-length");
  if (!options.rawBody && declared !== null && Number(declared) > limit) await readBodyWithin(null, declared, limit);
  const mutation = isStateChanging(req.method) && (options.post ?? "change") === "change";
  if (mutation) {
    const csrf = checkCsrf(req, deps.originPolicy());
    if (!csrf.ok) throw ApiError.forbidden(csrf.reason);
  } else if (isStateChanging(req.method)) {
    checkForeignOrigin(req, deps.originPolicy());
  }
  const person = await deps.authenticate(req);
  if (!person && !options.public) throw ApiError.unauthenticated();
  if (mutation && person && (person.readOnly || deps.readOnly())) {
    throw ApiError.forbidden(person.readOnly ? "this login is read-only: it cannot change anything" : "Orrery runs read-only (--read-only): nothing can be changed");
  }
  return person;
}

/**
 * Builds `withRoute`: every request is authenticated, state-changing ones pass the Origin and CSRF checks and
 * the read-only rule, oversized queries and bodies are refused, and every failure becomes `{ error: { code, message } }` (lib/wire/apiError.ts).
 */
export function createRouteWrapper(deps: RouteWrapperDeps): WithRoute {
  return (<Params>(handler: RouteHandler<Params, Person | null>, options: RouteOptions = {}): NextRouteHandler<Params> => {
    return async (req, context) => {
      try {
        const person = await admit(deps, req, options);
        const params = ((await context?.params) ?? {}) as Params;
        const bounded = options.rawBody ? req : await boundedRequest(req, bodyLimit(options));
        return withApiHeaders(await handler(bounded, { person, params }));
      } catch (error) {
        return toErrorResponse(error, { method: req.method, path: new URL(req.url).pathname });
      }
    };
  }) as WithRoute;
}
