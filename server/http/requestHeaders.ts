import type { IncomingMessage } from "node:http";

/** A request as seen by route handlers (fetch `Request`) or by the custom server (`IncomingMessage`). */
export type AnyRequest = IncomingMessage | Request;

/** Anything with headers: either request type, or a plain record such as next-auth hands to `authorize`. */
export type HeaderSource = AnyRequest | { headers: Headers | Readonly<Record<string, unknown>> };

/**
 * One header's value, the one way for every request type: the name is case-insensitive and repeated
 * values are joined with ", " as fetch's `Headers.get` joins them; undefined when absent.
 */
export function headerOf(req: HeaderSource, name: string): string | undefined {
  const headers = req.headers;
  if (typeof Headers !== "undefined" && headers instanceof Headers) return headers.get(name) ?? undefined;
  const record = headers as Readonly<Record<string, unknown>>;
  const key = name.toLowerCase();
  const value = key in record ? record[key] : Object.entries(record).find(([other]) => other.toLowerCase() === key)?.[1];
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").join(", ") || undefined;
  return undefined;
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
