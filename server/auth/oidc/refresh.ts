import { createRemoteJWKSet, jwtVerify } from "jose";
import type { OidcTokens } from "../sessionClaims";
import type { OidcSettings } from "../settings";
import { reservedClaimsReason } from "./claims";
import { discoverProvider, type ProviderMetadata } from "./discovery";
import { tokensFromResponse, type TokenResponse } from "./tokens";

/** A refresh the provider refused (or could not be asked for): the session ends. */
export class RefreshError extends Error {}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySetFor(metadata: ProviderMetadata): ReturnType<typeof createRemoteJWKSet> {
  let keys = keySets.get(metadata.jwks_uri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
    keySets.set(metadata.jwks_uri, keys);
  }
  return keys;
}

function clientAuth(settings: OidcSettings, body: URLSearchParams): Record<string, string> {
  if (!settings.clientSecret) {
    body.set("client_id", settings.clientId);
    return {};
  }
  // client_secret_basic, as next-auth uses for the code exchange: both parts form-encoded first (RFC 6749 2.3.1).
  const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString("base64");
  return { authorization: `Basic ${basic}` };
}

/** A new ID token from a refresh is checked like the first one: signature, issuer, audience, and the same subject. */
async function checkIdToken(idToken: string, previous: string | undefined, metadata: ProviderMetadata, settings: OidcSettings): Promise<void> {
  const { payload } = await jwtVerify(idToken, keySetFor(metadata), { issuer: metadata.issuer, audience: settings.clientId, clockTolerance: 15 });
  if (previous) {
    const [, body] = previous.split(".");
    const before = JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8")) as { sub?: string };
    if (before.sub !== payload.sub) throw new RefreshError("the refreshed ID token names another subject");
  }
  // In token mode this token is what the apiserver reads: it may not name a reserved user or group either.
  const reserved = reservedClaimsReason(payload, settings);
  if (reserved) throw new RefreshError(`the refreshed ID token is refused: ${reserved}`);
}

/** The refresh_token grant: new tokens, or RefreshError when the provider says no. */
export async function refreshOidcTokens(tokens: OidcTokens, settings: OidcSettings, now: () => number = Date.now): Promise<OidcTokens> {
  if (!tokens.refreshToken) throw new RefreshError("the provider gave no refresh token");
  const metadata = await discoverProvider(settings.issuer, now);
  const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refreshToken });
  const headers = { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...clientAuth(settings, body) };
  const response = await fetch(metadata.token_endpoint, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
  const answer = (await response.json().catch(() => ({}))) as TokenResponse & { error?: string };
  if (!response.ok) throw new RefreshError(`the provider refused the refresh (${response.status} ${answer.error ?? ""})`.trim());
  if (answer.id_token) await checkIdToken(answer.id_token, tokens.idToken, metadata, settings);
  return tokensFromResponse(answer, now(), tokens);
}

type InFlight = Map<string, { result: Promise<OidcTokens>; until: number }>;
// On globalThis: Next's bundle and the custom server load this module separately, and a rotated refresh token must be used once.
const inFlightKey = Symbol.for("orrery.oidc.refreshInFlight");
const inFlight: InFlight = ((globalThis as { [inFlightKey]?: InFlight })[inFlightKey] ??= new Map());

/**
 * One refresh per session at a time: tabs that ask together share the answer (for a few seconds
 * after too), because a rotated refresh token used twice can make the provider revoke the login.
 */
export function refreshOnce(sessionId: string, tokens: OidcTokens, settings: OidcSettings, now: () => number = Date.now): Promise<OidcTokens> {
  const current = inFlight.get(sessionId);
  if (current && current.until > now()) return current.result;
  const result = refreshOidcTokens(tokens, settings, now);
  const entry = { result, until: Number.POSITIVE_INFINITY };
  inFlight.set(sessionId, entry);
  const settle = () => {
    entry.until = now() + 10_000;
    setTimeout(() => inFlight.get(sessionId) === entry && inFlight.delete(sessionId), 10_000).unref();
  };
  result.then(settle, settle);
  return result;
}
