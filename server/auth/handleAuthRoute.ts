import NextAuth from "next-auth";
import { errorResponse } from "../http/errors";
import { getAuthServices } from "./authState";
import { headerOf } from "../http/requestHeaders";
import { isSecureRequest } from "./cookies";
import { buildAuthOptions } from "./nextAuthOptions";
import { requestCookies } from "./sessionCookie";
import type { AuthSettings } from "./settings";

/** Where this request's login pages live: the public URL, else the Host it came to. */
export function requestOrigin(req: Request, settings: Pick<AuthSettings, "publicUrl" | "secureCookies">): string {
  if (settings.publicUrl) return new URL(settings.publicUrl).origin;
  const scheme = isSecureRequest(req, settings) ? "https" : "http";
  return `${scheme}://${headerOf(req, "host") ?? new URL(req.url).host}`;
}

async function readBody(req: Request): Promise<Record<string, string> | undefined> {
  if (req.method !== "POST") return undefined;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.text()));
  if (type.includes("application/json")) {
    const body = (await req.json().catch(() => undefined)) as unknown;
    return body && typeof body === "object" ? (body as Record<string, string>) : undefined;
  }
  return undefined;
}

/** Collects what next-auth's Node-style handler writes, to answer with a fetch Response. */
class CollectedResponse {
  statusCode = 200;
  readonly headers = new Headers();
  body: BodyInit | null = null;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string): string[] | string | undefined {
    return name.toLowerCase() === "set-cookie" ? this.headers.getSetCookie() : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]): this {
    this.headers.delete(name);
    for (const item of Array.isArray(value) ? value : [value]) this.headers.append(name, item);
    return this;
  }
  end(): void {}
  json(value: unknown): void {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(value);
  }
  send(value: unknown): void {
    this.body = typeof value === "string" || value === undefined ? (value ?? null) : JSON.stringify(value);
  }
}

/**
 * Runs next-auth for `<base>/api/auth/<action>/<provider>`. next-auth is handed the headers that
 * fix its own URL (origin and base path), so it never trusts a forwarded host it was sent.
 */
export async function handleAuthRoute(req: Request, segments: string[]): Promise<Response> {
  const services = getAuthServices();
  const { settings } = services;
  if (settings.mode === "none") return errorResponse(404, "not_found", "login is off (--auth none)");
  // next-auth then takes its URL from the x-forwarded-* headers built here, not from the client's.
  process.env.AUTH_TRUST_HOST = "true";
  const secure = isSecureRequest(req, settings);
  const origin = requestOrigin(req, settings);
  const url = new URL(req.url);
  const headers: Record<string, string> = Object.fromEntries(req.headers);
  headers["x-forwarded-host"] = `${new URL(origin).host}${settings.basePath}/api/auth`;
  headers["x-forwarded-proto"] = new URL(origin).protocol.slice(0, -1);
  const query = { ...Object.fromEntries(url.searchParams), nextauth: segments };
  const body = await readBody(req);
  const nodeRequest = { method: req.method, headers, query, body, cookies: requestCookies(req) };
  const response = new CollectedResponse();
  await NextAuth(nodeRequest as never, response as never, buildAuthOptions(services, secure, origin));
  return new Response(response.body, { status: response.statusCode, headers: response.headers });
}
