import net from "node:net";
import { WebSocket } from "ws";
import { suite, user } from "./suiteContext";

export interface RawResponse {
  status: number;
  statusLine: string;
  headers: Map<string, string>;
  body: string;
  /** The connection closed without any answer. */
  empty: boolean;
}

/** Sends bytes as they are (request lines fetch would never send) and reads until the server closes. */
export function rawRequest(text: string | Buffer, timeoutMs = 15_000, port = suite().port): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseRaw(Buffer.concat(chunks).toString("latin1")));
    });
  });
}

function parseRaw(text: string): RawResponse {
  const [head = "", ...rest] = text.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()] as const));
  return { status: Number(statusLine.split(" ")[1] ?? 0), statusLine, headers, body: rest.join("\r\n\r\n"), empty: text === "" };
}

/** A browser-like same-origin request with the login cookie, answering the raw Response (redirects not followed). */
export function api(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  return fetch(`${suite().baseUrl}${path}`, { ...init, headers, redirect: "manual" });
}

/** The headers Orrery's own pages send with a change. */
export function sameOriginChange(extra: Record<string, string> = {}): Record<string, string> {
  return { origin: suite().baseUrl, "x-orrery-csrf": "1", "content-type": "application/json", ...extra };
}

function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => {
    const pair = line.split(";")[0]!;
    return [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const;
  }));
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].filter(([, value]) => value !== "").map(([name, value]) => `${name}=${value}`).join("; ");
}

async function csrf(cookie = ""): Promise<{ token: string; cookies: Map<string, string> }> {
  const response = await api("/api/auth/csrf", { cookie });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookies: cookiesOf(response) };
}

/** Logs in through next-auth's credentials endpoint like the login page does; answers the Cookie header to send. */
export async function login(name: string): Promise<string> {
  const { password } = user(name);
  const { token, cookies } = await csrf();
  const response = await api("/api/auth/callback/credentials", {
    method: "POST",
    cookie: cookieHeader(cookies),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: suite().baseUrl },
    body: new URLSearchParams({ username: name, password, csrfToken: token, json: "true" }).toString(),
  });
  for (const [key, value] of cookiesOf(response)) cookies.set(key, value);
  const session = [...cookies.keys()].find((key) => key.includes("orrery.session"));
  if (!session) throw new Error(`login as ${name} failed: ${response.status} ${await response.text()}`);
  return cookieHeader(cookies);
}

/** Logs out through Orrery's logout endpoint. */
export async function logout(cookie: string): Promise<void> {
  const { token, cookies } = await csrf(cookie);
  const jar = new Map(cookie.split("; ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const));
  for (const [key, value] of cookies) jar.set(key, value);
  const response = await api("/api/auth/logout", { method: "POST", cookie: cookieHeader(jar), headers: { "content-type": "application/json", origin: suite().baseUrl }, body: JSON.stringify({ csrfToken: token }) });
  if (!response.ok) throw new Error(`logout failed: ${response.status} ${await response.text()}`);
}

export type SocketAttempt = { opened: true; ws: WebSocket; first: string } | { opened: false; status: number; closedWithoutAnswer: boolean };

/** Opens a websocket on Orrery and waits for its first message, or reports the HTTP refusal. */
export function openSocket(path: string, headers: Record<string, string> = {}, options: { maxPayload?: number } = {}): Promise<SocketAttempt> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${suite().port}${path}`, { headers, ...options });
    ws.once("message", (data) => resolve({ opened: true, ws, first: String(data) }));
    ws.once("unexpected-response", (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0, closedWithoutAnswer: false });
      ws.terminate();
    });
    ws.once("error", () => resolve({ opened: false, status: 0, closedWithoutAnswer: true }));
  });
}

export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
}
