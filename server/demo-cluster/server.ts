import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { log } from "@/server/log";
import type { ObjectStore } from "./store";
import { createScheduler, type DemoApi } from "./http/apiContext";
import { dispatchRequest, dispatchUpgrade, type DispatchDeps } from "./http/dispatch";
import { RouteTable } from "./http/router";
import type { DemoFaults } from "./http/faults";
import type { ServingCert } from "./http/selfSignedCert";
import type { RouteRegistry } from "./http/types";

export interface DemoApiServerOptions {
  store: ObjectStore;
  /** The bearer token every request must carry. */
  token: string;
  /** Interval of BOOKMARK events on watches that allow them; 1 s by default so demos move. */
  bookmarkIntervalMs?: number;
  /** Serve HTTPS with this certificate; plain HTTP without. kubectl sends the token only over HTTPS. */
  tls?: ServingCert;
  /** Deliberately broken behaviours, for the contract suite's mutation tests only. */
  faults?: DemoFaults;
}

export interface DemoApiServer {
  /** Where logs, exec and metrics register their paths; matched before the generic REST API. */
  routes: RouteRegistry;
  /** Starts listening; resolves to the base URL, e.g. "https://127.0.0.1:6443" (http:// without tls). */
  listen(port: number, host: string): Promise<string>;
  /** Ends watches, timers and upgraded sockets, then stops the server. */
  close(): Promise<void>;
}

function baseUrl(server: Server, host: string, scheme: string): string {
  const { port } = server.address() as AddressInfo;
  // A wildcard address is reached through loopback.
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `${scheme}://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/** The demo cluster's Kubernetes API server: plain HTTP, bearer-token auth, backed by `store`. */
export function createDemoApiServer(options: DemoApiServerOptions): DemoApiServer {
  const routes = new RouteTable();
  const api: DemoApi = { store: options.store, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 1000, later: createScheduler(), openWatches: new Set(), faults: options.faults };
  const deps: DispatchDeps = { api, routes, token: options.token };
  const upgraded = new Set<Duplex>();
  // Watches stream for minutes; Node's request timeout would cut them.
  const serverOptions = { requestTimeout: 0, keepAliveTimeout: 30_000 };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => void dispatchRequest(req, res, deps);
  const server: Server = options.tls ? createTlsServer({ ...serverOptions, cert: options.tls.certPem, key: options.tls.keyPem }, onRequest) : createServer(serverOptions, onRequest);
  server.on("upgrade", (req, socket, head) => {
    upgraded.add(socket);
    socket.once("close", () => upgraded.delete(socket));
    dispatchUpgrade(req, socket, head, deps);
  });
  server.on("clientError", (error, socket) => {
    log.debug({ err: error }, "demo apiserver: client error");
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  });
  return {
    routes,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(baseUrl(server, host, options.tls ? "https" : "http"));
        });
      }),
    close: () => closeServer(server, api, upgraded),
  };
}

async function closeServer(server: Server, api: DemoApi, upgraded: Set<Duplex>): Promise<void> {
  api.later.cancelAll();
  for (const stop of [...api.openWatches]) stop();
  for (const socket of upgraded) socket.destroy();
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
