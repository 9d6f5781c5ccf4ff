// URLs of Orrery's own API as this page must call them: under the base path, with the page's embed token.

let embedToken: string | null | undefined;

/** Next's base path, set on <html data-base-path> by the root layout. */
export function apiBasePath(): string {
  return typeof document === "undefined" ? "" : (document.documentElement.dataset.basePath ?? "");
}

/** The embed token the page was opened with, read once: moving within the view rewrites the URL without it. */
export function pageEmbedToken(search: string = window.location.search): string | undefined {
  if (embedToken === undefined) embedToken = new URLSearchParams(search).get("embed");
  return embedToken ?? undefined;
}

/** `url` with the page's embed token added, so an embedded view's API calls and stream are its token's. */
export function withEmbedToken(url: string, token: string | undefined = typeof window === "undefined" ? undefined : pageEmbedToken()): string {
  if (!token) return url;
  return `${url}${url.includes("?") ? "&" : "?"}embed=${encodeURIComponent(token)}`;
}

/** A path of Orrery's API (e.g. "/api/resources/pods/shop/web-1") as this page calls it. */
export function apiPath(path: string): string {
  return withEmbedToken(`${apiBasePath()}${path}`);
}

/** For tests: forget the token read from an earlier page. */
export function resetPageEmbedToken(): void {
  embedToken = undefined;
}
