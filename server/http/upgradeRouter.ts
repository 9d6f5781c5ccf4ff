import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Answers an upgrade we do not serve with a plain HTTP error and closes, so nothing hangs. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
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
