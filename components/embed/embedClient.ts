import type { CreatedEmbedToken, EmbedListing, EmbedTokenInfo } from "@/lib/wire/embed";
import { readApiJson } from "@/lib/wire/readApiError";
import { apiBasePath } from "@/components/live/apiUrl";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function call<T>(path: string, init: RequestInit, fetchFn: Fetch): Promise<T> {
  // Changes carry Orrery's CSRF header; the server refuses them without it.
  const headers = init.method && init.method !== "GET" ? { "content-type": "application/json", "x-orrery-csrf": "1" } : undefined;
  const response = await fetchFn(`${apiBasePath()}${path}`, { ...init, headers, credentials: "same-origin", cache: "no-store" });
  // A refusal or failure throws ApiRequestError with the server's words for a person.
  return readApiJson<T>(response);
}

/** The tokens issued so far and the origins that may frame Orrery now. */
export function listEmbedTokens(fetchFn: Fetch = fetch): Promise<EmbedListing> {
  return call<EmbedListing>("/api/embed", { method: "GET" }, fetchFn);
}

export function createEmbedToken(scope: string, ttlSeconds: number, fetchFn: Fetch = fetch): Promise<CreatedEmbedToken> {
  return call<CreatedEmbedToken>("/api/embed", { method: "POST", body: JSON.stringify({ scope, ttlSeconds }) }, fetchFn);
}

export function revokeEmbedToken(id: string, fetchFn: Fetch = fetch): Promise<EmbedTokenInfo> {
  return call<EmbedTokenInfo>(`/api/embed/${encodeURIComponent(id)}`, { method: "DELETE" }, fetchFn);
}

/** The view the page shows, as an embed scope: its path and query without a token it was itself opened with. */
export function scopeOfPage(pathname: string, search: string): string {
  const query = new URLSearchParams(search);
  query.delete("embed");
  const rest = query.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

/** An iframe element that shows the view; the URL is made absolute for pasting into another site. */
export function iframeSnippet(origin: string, url: string): string {
  const src = new URL(url, origin).toString().replaceAll('"', "%22");
  return `<iframe src="${src}" width="100%" height="600" style="border:0" title="Orrery"></iframe>`;
}
