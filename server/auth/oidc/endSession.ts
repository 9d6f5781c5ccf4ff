import type { ProviderMetadata } from "./discovery";

/**
 * The provider's RP-initiated logout URL (OpenID Connect RP-Initiated Logout 1.0), or undefined
 * when the provider advertises no end_session_endpoint. `postLogoutRedirect` must be an absolute
 * URL on Orrery's public origin; anything else is left out rather than passed on.
 */
export function endSessionUrl(metadata: Pick<ProviderMetadata, "end_session_endpoint">, options: { idToken?: string; clientId: string; postLogoutRedirect: string; publicUrl: string }): string | undefined {
  if (!metadata.end_session_endpoint) return undefined;
  const url = new URL(metadata.end_session_endpoint);
  if (options.idToken) url.searchParams.set("id_token_hint", options.idToken);
  url.searchParams.set("client_id", options.clientId);
  if (isUnder(options.postLogoutRedirect, options.publicUrl)) url.searchParams.set("post_logout_redirect_uri", options.postLogoutRedirect);
  return url.toString();
}

function isUnder(candidate: string, publicUrl: string): boolean {
  try {
    const target = new URL(candidate);
    const base = new URL(publicUrl);
    return target.origin === base.origin && (target.pathname === base.pathname || target.pathname.startsWith(`${base.pathname.replace(/\/$/, "")}/`));
  } catch {
    return false;
  }
}
