import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** What a demo-apiserver handler knows about the request beyond the raw message. */
export interface RequestContext {
  url: URL;
  /** Values of the `:name` segments of the matched pattern. */
  params: Record<string, string>;
  /** The authenticated (or impersonated) user name. */
  user: string;
  groups: string[];
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => void | Promise<void>;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: RequestContext) => void;
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Lets a part of the demo cluster (logs, exec, metrics) serve its own paths.
 * Patterns are paths with `:param` segments, e.g. "/api/v1/namespaces/:namespace/pods/:name/log";
 * registered routes are matched before the generic REST routes.
 */
export interface RouteRegistry {
  http(method: HttpMethod, pattern: string, handler: HttpHandler): void;
  upgrade(pattern: string, handler: UpgradeHandler): void;
}
