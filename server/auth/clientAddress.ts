import type { IncomingMessage } from "node:http";
import { normalizeAddress } from "../http/ipAddress";
import { headerOf, type HeaderSource } from "../http/requestHeaders";
import { TrustedProxies } from "../http/trustedProxies";

/** The header the custom server stamps with the client's address, replacing whatever a client sent. */
export const remoteAddressHeader = "x-orrery-remote-address";

const noProxies = new TrustedProxies();
// The resolved address of a stamped request, kept beside the header so a raw request never falls back to it unchecked.
const stamped = new WeakMap<IncomingMessage, string>();

/**
 * Overwrites `x-orrery-remote-address` with the client's address: the socket peer, or, when that
 * peer is one of `proxies`, the client its `X-Forwarded-For` names (see `TrustedProxies.resolveClient`).
 * The custom server calls this on every request and upgrade, so handlers inside Next (which cannot
 * see the socket) get an address a client cannot forge for the login rate limits.
 */
export function stampRemoteAddress(req: IncomingMessage, proxies: TrustedProxies = noProxies): void {
  const address = proxies.resolveClient(req.socket.remoteAddress, headerOf(req, "x-forwarded-for"));
  stamped.set(req, address);
  req.headers[remoteAddressHeader] = address;
}

/**
 * The client's address for rate limiting: for a raw request the stamped address, else its socket
 * peer; inside Next the stamped header (the custom server always sets it). Never X-Forwarded-For
 * directly: only `stampRemoteAddress` knows which proxies to believe.
 */
export function clientAddress(req: HeaderSource): string {
  if ("socket" in req && req.socket) {
    const raw = req as IncomingMessage;
    return stamped.get(raw) ?? ((raw.socket.remoteAddress && normalizeAddress(raw.socket.remoteAddress)) || "unknown");
  }
  return headerOf(req, remoteAddressHeader) ?? "unknown";
}
