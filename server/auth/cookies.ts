import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { CookieOption, CookiesOptions } from "next-auth";
import { headerOf } from "../http/requestHeaders";
import type { AuthSettings } from "./settings";

/**
 * Cookie names. Browsers accept a `__Host-` cookie only with Secure, Path=/ and no Domain, which
 * pins it to this exact host and keeps other subdomains from setting or shadowing it. Over plain
 * http a Secure cookie is never stored, so there the same cookies go without the prefix.
 */
export function cookieNames(secure: boolean) {
  const prefix = secure ? "__Host-" : "";
  return {
    sessionToken: `${prefix}orrery.session`,
    callbackUrl: `${prefix}orrery.callback-url`,
    csrfToken: `${prefix}orrery.csrf`,
    pkceCodeVerifier: `${prefix}orrery.pkce`,
    state: `${prefix}orrery.state`,
    nonce: `${prefix}orrery.nonce`,
  };
}

function option(name: string, secure: boolean, maxAge?: number): CookieOption {
  return { name, options: { httpOnly: true, sameSite: "lax", path: "/", secure, ...(maxAge ? { maxAge } : {}) } };
}

/** next-auth's cookie settings: HttpOnly, SameSite=Lax, Path=/, Secure and `__Host-` together. */
export function authCookies(secure: boolean): CookiesOptions {
  const names = cookieNames(secure);
  const flowSeconds = 15 * 60;
  return {
    sessionToken: option(names.sessionToken, secure),
    callbackUrl: option(names.callbackUrl, secure),
    csrfToken: option(names.csrfToken, secure),
    pkceCodeVerifier: option(names.pkceCodeVerifier, secure, flowSeconds),
    state: option(names.state, secure, flowSeconds),
    nonce: option(names.nonce, secure, flowSeconds),
  };
}

/**
 * Whether this request's cookies are Secure: fixed by the public URL when there is one; else
 * true when the request came over TLS (to this process, or to the proxy that says so).
 */
export function isSecureRequest(req: IncomingMessage | Request, settings: Pick<AuthSettings, "secureCookies">): boolean {
  if (settings.secureCookies !== "per-request") return settings.secureCookies;
  if (req instanceof Request) {
    if (new URL(req.url).protocol === "https:") return true;
  } else if ((req.socket as TLSSocket | undefined)?.encrypted) {
    return true;
  }
  return headerOf(req, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
