import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { HttpHandler, HttpMethod, RequestContext, RouteRegistry, UpgradeHandler } from "../../http/types";

// A minimal RouteRegistry over node:http for tests; the real router lives elsewhere.

interface Route<H> {
  method?: HttpMethod;
  segments: string[];
  handler: H;
}

function match(segments: string[], path: string): Record<string, string> | undefined {
  const parts = path.split("/");
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = segments[i]!;
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(parts[i]!);
    else if (segment !== parts[i]) return undefined;
  }
  return params;
}

export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startTestServer(register: (routes: RouteRegistry) => void): Promise<TestServer> {
  const httpRoutes: Route<HttpHandler>[] = [];
  const upgradeRoutes: Route<UpgradeHandler>[] = [];
  register({
    http: (method, pattern, handler) => httpRoutes.push({ method, segments: pattern.split("/"), handler }),
    upgrade: (pattern, handler) => upgradeRoutes.push({ segments: pattern.split("/"), handler }),
  });
  const context = (req: IncomingMessage, params: Record<string, string>): RequestContext =>
    ({ url: new URL(req.url ?? "/", "http://127.0.0.1"), params, user: "tester", groups: ["system:authenticated"] });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    for (const route of httpRoutes) {
      const params = route.method === req.method ? match(route.segments, path) : undefined;
      if (params) return void route.handler(req, res, context(req, params));
    }
    res.writeHead(404).end();
  });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    for (const route of upgradeRoutes) {
      const params = match(route.segments, path);
      if (params) return route.handler(req, socket, head, context(req, params));
    }
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
