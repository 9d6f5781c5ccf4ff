// Headers for HTML pages: a nonce-based CSP (no inline script runs without the per-request nonce) and framing rules.

export interface PageSecurityInput {
  nonce: string;
  /** Next's dev server needs eval and unnonced styles. */
  dev: boolean;
  /** --frame-ancestors: origins (or 'self') that may frame embedded views. */
  frameAncestors: readonly string[];
  /** Whether this request is for an embedded view (an embed token or /embed/): only those may be framed. */
  embedded: boolean;
  /** The request's Host header, already checked by the custom server; used for the websocket sources. */
  host?: string;
  /** Origins a login form may post to besides this one (the OpenID provider). */
  formTargets?: readonly string[];
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

// Only a plain host[:port] goes into the policy, so a Host header can never add directives.
function websocketSources(host: string | undefined): string[] {
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return [];
  return [`ws://${host}`, `wss://${host}`];
}

function frameAncestorsOf(input: PageSecurityInput): string {
  if (!input.embedded || input.frameAncestors.length === 0) return "'none'";
  return input.frameAncestors.join(" ");
}

/** The Content-Security-Policy of one page response. */
export function buildContentSecurityPolicy(input: PageSecurityInput): string {
  const nonce = `'nonce-${input.nonce}'`;
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", nonce, "'strict-dynamic'", ...(input.dev ? ["'unsafe-eval'"] : [])]],
    // Mantine's <style> tags carry the nonce; its components set CSS variables in style="" attributes.
    ["style-src", input.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...websocketSources(input.host)]],
    ["worker-src", ["'self'", "blob:"]],
    ["manifest-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'", ...(input.formTargets ?? [])]],
    ["frame-ancestors", [frameAncestorsOf(input)]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** Every security header of a page response. X-Frame-Options stays DENY unless this embedded view may be framed. */
export function pageSecurityHeaders(input: PageSecurityInput): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildContentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  };
  if (frameAncestorsOf(input) === "'none'") headers["X-Frame-Options"] = "DENY";
  return headers;
}

/** Whether a page request is for an embedded view: it carries an embed token, or it is under /embed/. */
export function isEmbeddedRequest(pathname: string, searchParams: URLSearchParams, basePath = ""): boolean {
  const inApp = basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  return searchParams.has("embed") || inApp === "/embed" || inApp.startsWith("/embed/");
}
