import { randomUUID } from "node:crypto";
import { z } from "zod";

const oidcTokensSchema = z.object({
  accessToken: z.string(),
  /** Epoch ms at which the access token stops working. */
  accessTokenExpiresAt: z.number(),
  /** Epoch ms after which the next session check refreshes the tokens. */
  refreshAt: z.number(),
  refreshToken: z.string().optional(),
  idToken: z.string().optional(),
});

/** What Orrery keeps in the encrypted session cookie (next-auth's JWT); never sent to the browser in clear. */
export const sessionClaimsSchema = z.object({
  /** The session id: stays the same across cookie renewals, so it can be revoked. */
  sid: z.string().min(16),
  name: z.string().min(1),
  groups: z.array(z.string()),
  method: z.enum(["basic", "oidc"]),
  /** Epoch ms of the login. */
  authTime: z.number(),
  /** Epoch ms at which the session ends if it is not used again before. */
  idleExpiresAt: z.number(),
  /** Epoch ms at which the session ends, used or not. */
  absoluteExpiresAt: z.number(),
  oidc: oidcTokensSchema.optional(),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;
export type OidcTokens = z.infer<typeof oidcTokensSchema>;

export interface SessionTimeouts {
  idleMs: number;
  maxMs: number;
}

export type SessionVerdict = { valid: true } | { valid: false; reason: "revoked" | "idle" | "absolute" | "malformed" };

/** Reads the claims out of a decoded token; undefined when they are not Orrery's. */
export function readSessionClaims(token: unknown): SessionClaims | undefined {
  const parsed = sessionClaimsSchema.safeParse(token);
  return parsed.success ? parsed.data : undefined;
}

/** The claims of a new login at `now`. */
export function newSessionClaims(who: { name: string; groups: string[]; method: SessionClaims["method"]; oidc?: OidcTokens }, now: number, timeouts: SessionTimeouts): SessionClaims {
  const absoluteExpiresAt = now + timeouts.maxMs;
  return {
    sid: randomUUID(),
    name: who.name,
    groups: who.groups,
    method: who.method,
    authTime: now,
    idleExpiresAt: Math.min(now + timeouts.idleMs, absoluteExpiresAt),
    absoluteExpiresAt,
    ...(who.oidc ? { oidc: who.oidc } : {}),
  };
}

/** Whether a session may still be used at `now`: not revoked, not idle too long, not past its hard limit. */
export function judgeSession(claims: SessionClaims, now: number, isRevoked: (sid: string) => boolean): SessionVerdict {
  if (isRevoked(claims.sid)) return { valid: false, reason: "revoked" };
  if (now >= claims.absoluteExpiresAt) return { valid: false, reason: "absolute" };
  if (now >= claims.idleExpiresAt) return { valid: false, reason: "idle" };
  return { valid: true };
}

/** The claims after the session was used at `now`: the idle deadline slides, the hard limit does not. */
export function touchSession(claims: SessionClaims, now: number, timeouts: SessionTimeouts): SessionClaims {
  return { ...claims, idleExpiresAt: Math.min(now + timeouts.idleMs, claims.absoluteExpiresAt) };
}
