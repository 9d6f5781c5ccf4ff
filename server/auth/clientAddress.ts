import type { IncomingMessage } from "node:http";
import { headerOf } from "./cookies";

/** The header the custom server stamps with the peer address, replacing whatever a client sent. */
export const remoteAddressHeader = "x-orrery-remote-address";

/**
 * Overwrites `x-orrery-remote-address` with the socket's peer address. The custom server calls
 * this on every request and upgrade, so handlers inside Next (which cannot see the socket) get an
 * address a client cannot forge for the login rate limits.
 */
export function stampRemoteAddress(req: IncomingMessage): void {
  req.headers[remoteAddressHeader] = req.socket.remoteAddress ?? "unknown";
}

/**
 * The client's address for rate limiting: the socket for a raw request; else the stamped header,
 * falling back to the x-forwarded-for that Next fills from the socket when a client sent none.
 */
export function clientAddress(req: IncomingMessage | Request | { headers: Record<string, unknown> }): string {
  if (!(req instanceof Request) && "socket" in req && req.socket) return (req as IncomingMessage).socket.remoteAddress ?? "unknown";
  const read = (name: string): string | undefined => {
    if (req instanceof Request) return headerOf(req, name);
    const value = req.headers[name];
    return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : undefined;
  };
  const stamped = read(remoteAddressHeader);
  if (stamped) return stamped;
  const forwarded = read("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
