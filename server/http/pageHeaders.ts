import { isEmbeddedRequest, newNonce, pageSecurityHeaders } from "./contentSecurityPolicy";

/** The page's path and query as requested (base path removed), for server components that authenticate embed tokens. */
export const REQUEST_PATH_HEADER = "x-orrery-request-path";

export interface PageSettings {
  dev: boolean;
  frameAncestors: readonly string[];
  basePath: string;
  oidcIssuer?: string;
}

function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

/**
 * What proxy.ts does to one page request: a fresh nonce, the CSP in the request (Next reads the nonce from it)
 * and in the response, `x-nonce` and the request path for the page's server components. Client values are replaced.
 */
export function pageRequestHeaders(url: URL, incoming: Headers, settings: PageSettings, nonce = newNonce()) {
  const response = pageSecurityHeaders({
    nonce,
    dev: settings.dev,
    frameAncestors: settings.frameAncestors,
    embedded: isEmbeddedRequest(url.pathname, url.searchParams, settings.basePath),
    host: incoming.get("host") ?? undefined,
    formTargets: originOf(settings.oidcIssuer),
  });
  const request = new Headers(incoming);
  request.set("content-security-policy", response["Content-Security-Policy"]!);
  request.set("x-nonce", nonce);
  const inApp = settings.basePath && url.pathname.startsWith(settings.basePath) ? url.pathname.slice(settings.basePath.length) || "/" : url.pathname;
  request.set(REQUEST_PATH_HEADER, `${inApp}${url.search}`);
  return { request, response };
}
