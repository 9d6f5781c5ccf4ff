import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { log } from "@/server/log";
import type { DemoApi } from "./apiContext";
import { ApiError, sendError, statusOf } from "./apiError";
import type { Identity } from "./auth";
import { admitRequest, admitUpgrade } from "./authz/admit";
import { discoveryDocument } from "./discovery";
import { applyRequestFaults } from "./faults";
import { openApiDocument } from "./openapi";
import { parseResourcePath } from "./requestPath";
import { serveResource } from "./restHandler";
import type { RouteTable } from "./router";
import { sendJson } from "./status";
import type { RequestContext } from "./types";

export interface DispatchDeps {
  api: DemoApi;
  routes: RouteTable;
  token: string;
}

const healthPaths = new Set(["/healthz", "/readyz", "/livez"]);

function contextFor(url: URL, params: Record<string, string>, identity: Identity): RequestContext {
  return { url, params, user: identity.user, groups: identity.groups };
}

/** Discovery, health and OpenAPI; true when the path was one of them. */
function serveNonResource(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const path = url.pathname;
  const isHealth = healthPaths.has(path) || [...healthPaths].some((p) => path.startsWith(`${p}/`));
  const openApi = path.startsWith("/openapi/") ? openApiDocument(path) : undefined;
  const address = `${req.socket.localAddress ?? "127.0.0.1"}:${req.socket.localPort ?? 0}`;
  const discovery = isHealth || openApi !== undefined ? undefined : discoveryDocument(path, address);
  if (!isHealth && openApi === undefined && discovery === undefined) return false;
  if (req.method !== "GET" && req.method !== "HEAD") throw ApiError.methodNotAllowed(req.method ?? "", path);
  if (isHealth) {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": 2 });
    res.end("ok");
  } else if (openApi !== undefined) {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(openApi) });
    res.end(openApi);
  } else {
    sendJson(res, 200, discovery);
  }
  return true;
}

/** One HTTP request: authenticate and authorize (RBAC), then registered routes, then discovery, then the generic REST API. */
export async function dispatchRequest(req: IncomingMessage, res: ServerResponse, deps: DispatchDeps): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://demo.invalid");
    const identity = admitRequest(req, url, deps.api.store, deps.token);
    applyRequestFaults(req, url, deps.api.faults);
    const registered = deps.routes.matchHttp(req.method ?? "", url.pathname);
    if (registered) return await registered.handler(req, res, contextFor(url, registered.params, identity));
    if (serveNonResource(req, res, url)) return;
    const target = parseResourcePath(url.pathname);
    if (!target) throw new ApiError(404, "NotFound", "the server could not find the requested resource");
    await serveResource(req, res, deps.api, target, { url, identity });
  } catch (error) {
    sendError(res, error);
  }
}

/** Writes a Status as a raw HTTP response on a socket that has not been upgraded, then closes it. */
export function refuseUpgrade(socket: Duplex, error: unknown): void {
  const { code, body } = statusOf(error);
  const text = JSON.stringify(body);
  const head = `HTTP/1.1 ${code} ${STATUS_CODES[code] ?? "Error"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n`;
  if (socket.writable) socket.end(head + text);
  else socket.destroy();
}

/** One upgrade request (exec, attach): authenticated, then a registered route, else 404 and closed. */
export function dispatchUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, deps: DispatchDeps): void {
  socket.on("error", (error) => log.debug({ err: error }, "demo apiserver: upgraded socket error"));
  try {
    const url = new URL(req.url ?? "/", "http://demo.invalid");
    const identity = admitUpgrade(req, url, deps.api.store, deps.token);
    const match = deps.routes.matchUpgrade(url.pathname);
    if (!match) throw new ApiError(404, "NotFound", `no upgrade handler for ${url.pathname}`);
    match.handler(req, socket, head, contextFor(url, match.params, identity));
  } catch (error) {
    refuseUpgrade(socket, error);
  }
}
