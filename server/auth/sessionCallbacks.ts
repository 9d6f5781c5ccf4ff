import type { Account, CallbacksOptions, Profile, Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { safeRedirectUrl } from "@/lib/auth/callbackUrl";
import type { SessionView } from "@/lib/auth/session";
import type { AuthServices } from "./authState";
import { log } from "../log";
import { judgeClaims } from "./oidc/claims";
import { refreshOnce } from "./oidc/refresh";
import { tokensFromResponse } from "./oidc/tokens";
import { judgeSession, newSessionClaims, readSessionClaims, touchSession, type SessionClaims } from "./sessionClaims";

/** The session ended (revoked, timed out, refresh refused): next-auth clears the cookie on this. */
export class SessionEndedError extends Error {}

/** The user object Orrery's Credentials provider returns. */
export interface OrreryUser extends User {
  groups: string[];
}

function claimsAtSignIn(services: AuthServices, user: User, account: Account | null, profile: Profile | undefined, now: number): SessionClaims {
  const { settings } = services;
  if (account?.type === "oauth" && settings.oidc) {
    const verdict = judgeClaims((profile ?? {}) as Record<string, unknown>, settings.oidc);
    if (!verdict.ok) throw new SessionEndedError(verdict.reason);
    return newSessionClaims({ ...verdict.identity, method: "oidc", oidc: tokensFromResponse(account, now) }, now, settings.timeouts);
  }
  const groups = (user as Partial<OrreryUser>).groups ?? [];
  return newSessionClaims({ name: String(user.name ?? user.id), groups, method: "basic" }, now, settings.timeouts);
}

/** Checks a session on every use, slides its idle deadline and refreshes OIDC tokens when due. */
export async function continueSession(services: AuthServices, token: unknown, now: () => number): Promise<SessionClaims> {
  const claims = readSessionClaims(token);
  if (!claims) throw new SessionEndedError("the session cookie is not an Orrery session");
  const verdict = judgeSession(claims, now(), (sid) => services.sessions.isRevoked(sid));
  if (!verdict.valid) {
    if (verdict.reason !== "revoked") services.sessions.end(claims.sid, verdict.reason === "absolute" ? "absolute" : "idle", claims.absoluteExpiresAt);
    throw new SessionEndedError(`session ended (${verdict.reason})`);
  }
  let current = claims;
  if (claims.oidc && services.settings.oidc && now() >= claims.oidc.refreshAt) {
    try {
      current = { ...claims, oidc: await refreshOnce(claims.sid, claims.oidc, services.settings.oidc, now) };
    } catch (error) {
      services.sessions.end(claims.sid, "refresh-failed", claims.absoluteExpiresAt);
      throw new SessionEndedError(`session ended: token refresh failed (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const touched = touchSession(current, now(), services.settings.timeouts);
  services.sessions.noteActive(touched.sid, touched.idleExpiresAt, touched.absoluteExpiresAt);
  return touched;
}

/** What the browser may see of a session: who, in which groups, until when. Never a token. */
export function sessionView(claims: SessionClaims): SessionView {
  return {
    user: { name: claims.name, groups: claims.groups },
    expires: new Date(claims.idleExpiresAt).toISOString(),
    ...(claims.oidc ? { renewBy: new Date(Math.min(claims.oidc.refreshAt, claims.idleExpiresAt)).toISOString() } : {}),
  };
}

/** next-auth's callbacks for Orrery's sessions. */
export function createCallbacks(services: AuthServices, origin: string): Partial<CallbacksOptions> {
  const { now } = services;
  return {
    signIn: ({ account, profile }) => {
      if (account?.type !== "oauth" || !services.settings.oidc) return true;
      const verdict = judgeClaims((profile ?? {}) as Record<string, unknown>, services.settings.oidc);
      if (verdict.ok) return true;
      log.warn({ reason: verdict.reason }, "OIDC login refused");
      // next-auth sends the browser to the login page with this code as ?error=, which it words for the person.
      throw new Error(verdict.code);
    },
    jwt: async ({ token, user, account, profile, trigger }) => {
      const claims = trigger === "signIn" || trigger === "signUp" ? claimsAtSignIn(services, user, account, profile, now()) : await continueSession(services, token, now);
      if (trigger === "signIn" || trigger === "signUp") services.sessions.noteActive(claims.sid, claims.idleExpiresAt, claims.absoluteExpiresAt);
      return claims as unknown as JWT;
    },
    session: ({ token }) => {
      const claims = readSessionClaims(token);
      if (!claims) throw new SessionEndedError("the session cookie is not an Orrery session");
      return sessionView(claims) as unknown as Session;
    },
    // Only paths on Orrery's own origin; next-auth asks this for every callbackUrl it would follow.
    redirect: ({ url }) => safeRedirectUrl(url, origin, services.settings.basePath),
  };
}
