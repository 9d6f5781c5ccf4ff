import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { apiErrorBody, codeForStatus } from "@/lib/wire/apiError";

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

// What each refusal means for whoever reads the body (curl, a proxy's log); browsers only see the status.
const upgradeMessages: Record<number, string> = {
  400: "the request target must be a path such as /api/stream: absolute-form targets are refused",
  401: "login required: sign in at /login, or send credentials with the request",
  403: "forbidden: the page's Origin is not one Orrery serves (open Orrery at its public URL), or this login may not open this websocket",
  404: "no websocket is served at this path; Orrery serves /api/stream and /api/exec",
  429: "too many open connections for this login; close some tabs or shells and try again",
  500: "internal error while opening the websocket; the server log has the details",
  503: "Orrery is shutting down; reconnect in a moment",
};

/** Answers an upgrade that is refused with an HTTP error and Orrery's error body, and closes, so nothing hangs. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, message = upgradeMessages[status] ?? `refused (${status} ${reason})`): void {
  if (socket.writable) {
    const body = JSON.stringify(apiErrorBody(codeForStatus(status), message));
    const head = [`HTTP/1.1 ${status} ${reason}`, "Connection: close", "Content-Type: application/json", "Cache-Control: no-store", `Content-Length: ${Buffer.byteLength(body)}`];
    socket.write(`${head.join("\r\n")}\r\n\r\n${body}`);
  }
  socket.destroy();
}

/**
 * Routes websocket upgrades by exact path. Absolute-form request targets
 * (`GET http://other-host/...`) are refused: an upgrade is never forwarded elsewhere.
 */
export function createUpgradeRouter(routes: Record<string, UpgradeHandler>, fallback?: UpgradeHandler): UpgradeHandler {
  return (req, socket, head) => {
    const target = req.url ?? "";
    if (!target.startsWith("/")) return refuseUpgrade(socket, 400, "Bad Request");
    const pathname = target.split("?")[0]!;
    const handler = routes[pathname];
    if (handler) return handler(req, socket, head);
    if (fallback) return fallback(req, socket, head);
    refuseUpgrade(socket, 404, "Not Found");
  };
}
