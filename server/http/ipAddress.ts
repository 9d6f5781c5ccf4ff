import { isIP } from "node:net";

/**
 * The IP address in `text` in one spelling: IPv6 brackets, zone and a port after a bracket or an
 * IPv4 address dropped, IPv6 compressed and lower-case, an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`)
 * as its IPv4 form. Undefined when `text` is not an IP address (host names included).
 */
export function normalizeAddress(text: string): string | undefined {
  let candidate = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(candidate)) candidate = candidate.slice(0, candidate.indexOf(":"));
  candidate = candidate.replace(/%.*$/, "");
  const family = isIP(candidate);
  if (family === 4) return candidate;
  if (family !== 6) return undefined;
  // The URL parser compresses IPv6 the one standard way, so equal addresses compare equal as text.
  const compressed = new URL(`http://[${candidate}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (!mapped) return compressed;
  const high = parseInt(mapped[1]!, 16);
  const low = parseInt(mapped[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** 4 or 6 for an address `normalizeAddress` returned. */
export function familyOf(address: string): 4 | 6 {
  return isIP(address) === 6 ? 6 : 4;
}
