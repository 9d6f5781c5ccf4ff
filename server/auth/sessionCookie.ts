import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";
import { log } from "../log";
import { headerOf } from "../http/requestHeaders";
import { cookieNames, isSecureRequest } from "./cookies";
import { parseCookieHeader } from "./cookieHeader";
import { readSessionClaims, type SessionClaims } from "./sessionClaims";
import type { AuthSettings } from "./settings";

/** The request's cookies as a record (works for Node's IncomingMessage and the fetch Request). */
export function requestCookies(req: IncomingMessage | Request): Record<string, string> {
  return parseCookieHeader(headerOf(req, "cookie") ?? "");
}

const quietLogger = {
  error: (code: string, metadata: unknown) => log.debug({ code, metadata }, "session cookie not accepted"),
  warn: (code: string) => log.debug({ code }, "next-auth warning"),
  debug: () => undefined,
};

/**
 * The session claims in the request's cookie (next-auth's encrypted JWT, possibly in chunks), or
 * undefined. Only the cookie counts: next-auth's own fallback to an `Authorization: Bearer`
 * header is not offered, so a session can never be replayed from outside a browser's cookie jar.
 */
export async function readSessionCookie(req: IncomingMessage | Request, settings: Pick<AuthSettings, "secret" | "secureCookies">): Promise<{ claims: SessionClaims; secure: boolean } | undefined> {
  const secure = isSecureRequest(req, settings);
  const cookies = requestCookies(req);
  const cookieName = cookieNames(secure).sessionToken;
  if (!Object.keys(cookies).some((name) => name === cookieName || name.startsWith(`${cookieName}.`))) return undefined;
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: settings.secret, cookieName, secureCookie: secure, logger: quietLogger as never });
  const claims = readSessionClaims(token);
  return claims ? { claims, secure } : undefined;
}
