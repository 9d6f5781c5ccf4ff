import { normalizeAddress } from "./ipAddress";

/** Whether `address` is an IP address on this machine's loopback: 127.0.0.0/8, ::1, or either IPv4-mapped. */
export function isLoopbackAddress(address: string): boolean {
  const normalized = normalizeAddress(address);
  if (normalized === undefined) return false;
  return normalized === "::1" || /^127\./.test(normalized);
}

/**
 * Whether a host (a listen address, a URL's host name) is loopback: a loopback address, or the name
 * `localhost`, which resolvers and browsers keep on loopback. Any other name is not, however it
 * starts: `127.corp.lan` resolves wherever its DNS says.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  return name === "localhost" || name === "localhost." || isLoopbackAddress(name);
}
