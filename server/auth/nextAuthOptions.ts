import type { AuthOptions } from "next-auth";
import { log } from "../log";
import type { AuthServices } from "./authState";
import { authCookies } from "./cookies";
import { providersFor } from "./providers";
import { createCallbacks, SessionEndedError } from "./sessionCallbacks";
import { readSessionClaims } from "./sessionClaims";

// next-auth reports expected endings (timeouts, revocation) as errors; they are routine here.
const logger: AuthOptions["logger"] = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
    if (error instanceof SessionEndedError) log.debug({ reason: error.message }, "session not continued");
    else log.warn({ code, err: error instanceof Error ? error : undefined }, "login error");
  },
  warn(code) {
    log.warn({ code }, "next-auth warning");
  },
  debug() {},
};

/**
 * next-auth's configuration for one request: stateless JWT sessions whose lifetime is the idle
 * timeout (renewed on use), cookies for this request's security, and Orrery's callbacks.
 */
export function buildAuthOptions(services: AuthServices, secure: boolean, origin: string): AuthOptions {
  const { settings } = services;
  const idleSeconds = Math.ceil(settings.timeouts.idleMs / 1000);
  return {
    secret: settings.secret,
    providers: providersFor(services),
    // With JWT sessions every session check re-issues the cookie: the idle deadline slides on use.
    session: { strategy: "jwt", maxAge: idleSeconds },
    jwt: { maxAge: idleSeconds },
    useSecureCookies: secure,
    cookies: authCookies(secure),
    pages: { signIn: `${settings.basePath}/login`, error: `${settings.basePath}/login`, signOut: `${settings.basePath}/login` },
    callbacks: createCallbacks(services, origin),
    events: {
      signOut: ({ token }) => {
        const claims = readSessionClaims(token);
        if (claims) services.sessions.end(claims.sid, "logout", claims.absoluteExpiresAt);
      },
    },
    logger,
    debug: false,
  };
}
