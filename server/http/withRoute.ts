import { authenticateRequest } from "../auth/authenticate";
import { createRouteWrapper } from "./routeWrapper";
import { currentOriginPolicy, currentSecuritySettings } from "./securitySettings";

export type { RouteContext, RouteHandler, RouteOptions } from "./routeWrapper";

/**
 * Wraps a route handler: `export const GET = withRoute(async (req, { person, params }) => Response.json(...))`.
 * Authenticates (401), checks Origin and the CSRF header on POST/PUT/PATCH/DELETE (403), refuses changes by
 * read-only persons (403), oversized queries (414) and bodies (413), and maps thrown errors to JSON.
 */
export const withRoute = createRouteWrapper({
  authenticate: authenticateRequest,
  originPolicy: currentOriginPolicy,
  readOnly: () => currentSecuritySettings().readOnly,
});
