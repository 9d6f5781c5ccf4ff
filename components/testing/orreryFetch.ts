import type { Person } from "@/server/auth/person";
import { OriginPolicy } from "@/server/http/originPolicy";
import { createRouteWrapper, type RouteHandler } from "@/server/http/routeWrapper";

// Client tests read the server's real answers: requests go through the same wrapper every API route uses.

/** The page's origin in these tests; Orrery listens there. */
export const testOrigin = "http://127.0.0.1:3000";

const policy = new OriginPolicy({ listenHost: "127.0.0.1", port: 3000, allowedOrigins: [] });

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that answers as Orrery does: the request, with the Host and Origin a browser on `testOrigin` sends,
 * passes the real route wrapper (login, CSRF, read-only rule, error mapping) and then `handler`.
 * `person` null means nobody is signed in (the session ended).
 */
export function orreryFetch(person: Person | null, handler: RouteHandler<Record<string, never>>): Fetch {
  const route = createRouteWrapper({ authenticate: async () => person, originPolicy: () => policy, readOnly: () => false })(handler);
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), testOrigin);
    const headers = new Headers(init?.headers);
    headers.set("host", url.host);
    const method = init?.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") headers.set("origin", testOrigin);
    const request = new Request(url, { method, headers, body: init?.body ?? null, signal: init?.signal ?? null });
    return route(request, { params: Promise.resolve({}) });
  };
}
