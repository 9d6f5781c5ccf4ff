import type { OriginPolicy } from "./originPolicy";
import { headerOf, methodOf, type AnyRequest } from "./requestHeaders";

/**
 * The header every state-changing request must carry (any non-empty value, e.g. "1").
 *
 * CSRF rule chosen: exact Origin allowlist plus a custom header, rather than a double-submit token.
 * A cross-site HTML form cannot set a custom header, and a cross-origin script can only set one after a
 * CORS preflight that Orrery never approves; so a request carrying it came from Orrery's own pages or
 * from a non-browser client that holds credentials. It needs no per-session state (stateless replicas),
 * no cookie readable by scripts, and also covers credentials a browser sends on its own (cached HTTP Basic).
 * next-auth's own routes (/api/auth/*) keep next-auth's double-submit token.
 */
export const CSRF_HEADER = "x-orrery-csrf";

const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isStateChanging(method: string | undefined): boolean {
  return stateChangingMethods.has((method ?? "GET").toUpperCase());
}

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

/** Origin and custom-header checks for one state-changing request; other methods pass. */
export function checkCsrf(req: AnyRequest, policy: OriginPolicy): CsrfVerdict {
  if (!isStateChanging(methodOf(req))) return { ok: true };
  const origin = policy.check(headerOf(req, "origin"), headerOf(req, "host"));
  if (!origin.ok) return { ok: false, reason: `cross-site request refused: ${origin.reason}` };
  if (!headerOf(req, CSRF_HEADER)?.trim()) {
    return { ok: false, reason: `cross-site request refused: changes need the ${CSRF_HEADER} header (Orrery's pages send it; API clients add "${CSRF_HEADER}: 1")` };
  }
  return { ok: true };
}
