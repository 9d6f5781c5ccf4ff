import type { OidcTokens } from "../sessionClaims";

/** What a token endpoint (or next-auth's `account`) hands back. */
export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  /** Seconds from now. */
  expires_in?: number;
  /** Epoch seconds, as next-auth's `account` gives it. */
  expires_at?: number;
}

const defaultLifetimeMs = 5 * 60_000;

/**
 * When to refresh: a minute before expiry, or at three quarters of a short lifetime, so a token
 * is replaced while it still works.
 */
export function refreshTimeFor(obtainedAt: number, expiresAt: number): number {
  const lifetime = Math.max(0, expiresAt - obtainedAt);
  return expiresAt - Math.min(60_000, lifetime / 4);
}

/** Orrery's record of the tokens; a refresh response without a new refresh or ID token keeps the old ones. */
export function tokensFromResponse(response: TokenResponse, now: number, previous?: OidcTokens): OidcTokens {
  if (!response.access_token) throw new Error("the token response has no access_token");
  const expiresAt =
    response.expires_at !== undefined ? response.expires_at * 1000 : response.expires_in !== undefined ? now + response.expires_in * 1000 : now + defaultLifetimeMs;
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  const idToken = response.id_token ?? previous?.idToken;
  return {
    accessToken: response.access_token,
    accessTokenExpiresAt: expiresAt,
    refreshAt: refreshTimeFor(now, expiresAt),
    ...(refreshToken ? { refreshToken } : {}),
    ...(idToken ? { idToken } : {}),
  };
}
