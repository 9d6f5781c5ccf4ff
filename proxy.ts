import { NextResponse, type NextRequest } from "next/server";
import { pageRequestHeaders, type PageSettings } from "@/server/http/pageHeaders";
import { getRuntime } from "@/server/runtime";

// Security headers for pages, with a fresh CSP nonce per request (Next reads it from the request's CSP header and
// puts it on its own scripts). Headers only: logins are checked by route handlers, pages and the custom server, never here.

// The proxy runs inside the custom server's process; without it (plain `next dev`) the strict defaults apply.
function pageSettings(): PageSettings {
  try {
    const { config } = getRuntime();
    return { dev: config.dev, frameAncestors: config.frameAncestors, basePath: config.basePath, oidcIssuer: config.oidcIssuer };
  } catch {
    return { dev: process.env.NODE_ENV === "development", frameAncestors: [], basePath: "" };
  }
}

export function proxy(request: NextRequest): NextResponse {
  const url = new URL(request.nextUrl.href);
  const { request: forwarded, response: headers } = pageRequestHeaders(url, request.headers, pageSettings());
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON with their own headers, static files (public/ and Next's) need no nonce.
  // Next needs this literal to read it at build time; publicFiles.test.ts checks it names every file in public/.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|manifest.webmanifest|robots.txt).*)"],
};
