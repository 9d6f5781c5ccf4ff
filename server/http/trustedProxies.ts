import { BlockList, isIP } from "node:net";
import { familyOf, normalizeAddress } from "./ipAddress";

/** A parsed CIDR block such as 10.0.0.0/8 or fd00::/8; a bare address is its own /32 or /128. */
export interface Cidr {
  address: string;
  prefix: number;
  family: 4 | 6;
}

/** Parses one CIDR; undefined when it is not an IPv4 or IPv6 address with an optional prefix length in range. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([0-9A-Fa-f.:]+)(?:\/(\d{1,3}))?$/.exec(text.trim());
  const written = match && isIP(match[1]!);
  if (!match || !written) return undefined;
  const address = normalizeAddress(match[1]!)!;
  const family = familyOf(address);
  // An IPv4-mapped block (::ffff:10.0.0.0/104) is the IPv4 block it maps.
  const mappedOffset = written === 6 && family === 4 ? 96 : 0;
  const prefix = (match[2] === undefined ? (written === 4 ? 32 : 128) : Number(match[2])) - mappedOffset;
  if (prefix < 0 || prefix > (family === 4 ? 32 : 128)) return undefined;
  return { address, prefix, family };
}

/**
 * The proxies (an Ingress controller, a load balancer) whose `X-Forwarded-For` is believed. Empty
 * by default: then every request's client is its socket peer, whatever headers it sends.
 */
export class TrustedProxies {
  private readonly blocks = new BlockList();
  readonly size: number;

  constructor(cidrs: readonly string[] = []) {
    const parsed = cidrs.map((text) => {
      const cidr = parseCidr(text);
      if (!cidr) throw new Error(`not a CIDR: ${JSON.stringify(text)}`);
      return cidr;
    });
    for (const cidr of parsed) this.blocks.addSubnet(cidr.address, cidr.prefix, cidr.family === 4 ? "ipv4" : "ipv6");
    this.size = parsed.length;
  }

  /** Whether `address` (any spelling, IPv4-mapped IPv6 included) is inside a trusted block. */
  has(address: string): boolean {
    if (this.size === 0) return false;
    const normalized = normalizeAddress(address);
    if (normalized === undefined) return false;
    return this.blocks.check(normalized, familyOf(normalized) === 4 ? "ipv4" : "ipv6");
  }

  /**
   * The client behind a request: the socket peer, unless that peer is a trusted proxy; then
   * `X-Forwarded-For` is walked from the right (the hop the nearest proxy added) past trusted
   * addresses, and the first untrusted one is the client. Entries left of it are whatever the client
   * wrote and are never read. An entry that is not an address ends the walk at the last trusted hop.
   */
  resolveClient(peer: string | undefined, forwardedFor: string | undefined): string {
    const socketPeer = (peer && normalizeAddress(peer)) || "unknown";
    if (!this.has(socketPeer) || !forwardedFor) return socketPeer;
    let client = socketPeer;
    const hops = forwardedFor.split(",");
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = normalizeAddress(hops[i]!);
      if (hop === undefined) return client;
      client = hop;
      if (!this.has(hop)) return hop;
    }
    // Every hop was a trusted proxy: the farthest one is as near the client as can be known.
    return client;
  }
}
