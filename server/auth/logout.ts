import { createHash, timingSafeEqual } from "node:crypto";
import { errorResponse } from "../http/errors";
import { log } from "../log";
import { getAuthServices, type AuthServices } from "./authState";
import { expiredCookie } from "./cookieHeader";
import { cookieNames, isSecureRequest } from "./cookies";
import { discoverProvider } from "./oidc/discovery";
import { endSessionUrl } from "./oidc/endSession";
import { readSessionCookie, requestCookies } from "./sessionCookie";

/** next-auth's double-submit CSRF check: the cookie holds "token|sha256(token+secret)", the body the token. */
export function verifyCsrfToken(cookieValue: string | undefined, submitted: unknown, secret: string): boolean {
  if (!cookieValue || typeof submitted !== "string" || submitted === "") return false;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return false;
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return same(hash, expected) && same(token, submitted);
}

async function submittedToken(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return ((await req.json().catch(() => ({}))) as { csrfToken?: unknown }).csrfToken;
  if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(await req.text()).get("csrfToken");
  return undefined;
}

// Every chunk of the session cookie the browser sent is expired, plus the unchunked name.
function clearedSessionCookies(req: Request, secure: boolean): string[] {
  const name = cookieNames(secure).sessionToken;
  const present = Object.keys(requestCookies(req)).filter((cookie) => cookie === name || cookie.startsWith(`${name}.`));
  return [...new Set([name, ...present])].map((cookie) => expiredCookie(cookie, secure));
}

async function providerLogoutUrl(services: AuthServices, idToken: string | undefined): Promise<string | undefined> {
  const { oidc, publicUrl } = services.settings;
  if (!oidc || !publicUrl) return undefined;
  try {
    const metadata = await discoverProvider(oidc.issuer);
    return endSessionUrl(metadata, { idToken, clientId: oidc.clientId, postLogoutRedirect: `${publicUrl}/login?signedOut=1`, publicUrl });
  } catch (error) {
    log.warn({ err: error }, "cannot reach the OpenID provider to end its session; Orrery's session is ended anyway");
    return undefined;
  }
}

/**
 * POST `<base>/api/auth/logout` with next-auth's csrfToken: ends the session (revoked, so the
 * cookie is refused if replayed), clears the cookie, and answers `{ url }` — the provider's
 * end-session URL when it has one, else Orrery's login page.
 */
export async function handleLogout(req: Request): Promise<Response> {
  const services = getAuthServices();
  const { settings } = services;
  if (settings.mode === "none") return errorResponse(404, "not_found", "login is off (--auth none)");
  const session = await readSessionCookie(req, settings);
  const secure = isSecureRequest(req, settings);
  const csrfCookie = requestCookies(req)[cookieNames(secure).csrfToken];
  if (!verifyCsrfToken(csrfCookie, await submittedToken(req), settings.secret)) {
    return errorResponse(403, "forbidden", "missing or wrong csrfToken; fetch one from /api/auth/csrf");
  }
  let url = `${settings.basePath}/login?signedOut=1`;
  if (session) {
    services.sessions.end(session.claims.sid, "logout", session.claims.absoluteExpiresAt);
    url = (await providerLogoutUrl(services, session.claims.oidc?.idToken)) ?? url;
  }
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  for (const cookie of clearedSessionCookies(req, secure)) headers.append("set-cookie", cookie);
  return new Response(JSON.stringify({ url }), { status: 200, headers });
}
