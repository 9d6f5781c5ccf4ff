import type { IncomingMessage } from "node:http";

/** A request as seen by route handlers (fetch `Request`) or by the custom server (`IncomingMessage`). */
export type AnyRequest = IncomingMessage | Request;

/** One header's value; repeated headers are joined the way Node joins them. */
export function headerOf(req: AnyRequest, name: string): string | undefined {
  if (typeof Request !== "undefined" && req instanceof Request) return req.headers.get(name) ?? undefined;
  const value = (req as IncomingMessage).headers[name.toLowerCase()];
  if (Array.isArray(value)) return value.join(", ");
  return value;
}

/** The request target as sent: path and query for origin-form requests. */
export function targetOf(req: AnyRequest): string {
  if (typeof Request !== "undefined" && req instanceof Request) {
    const url = new URL(req.url);
    return url.pathname + url.search;
  }
  return (req as IncomingMessage).url ?? "";
}

export function methodOf(req: AnyRequest): string {
  return (req.method ?? "GET").toUpperCase();
}
