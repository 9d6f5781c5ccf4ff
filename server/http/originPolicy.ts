import { networkInterfaces } from "node:os";
import { isLoopbackHost } from "./loopback";

/** What decides which Host headers and Origins belong to this Orrery. */
export interface OriginPolicyInput {
  /** The address Orrery listens on (--host). */
  listenHost: string;
  port: number;
  /** The origin of the public URL people use, e.g. "https://orrery.example.com". */
  publicOrigin?: string;
  /** Further exact origins (--allowed-origins). */
  allowedOrigins: readonly string[];
  /** Addresses of this machine, used when listening on a wildcard address; defaults to the network interfaces. */
  interfaceAddresses?: () => string[];
}

export type OriginVerdict = { ok: true; origin?: string } | { ok: false; reason: string };

interface HostPort {
  hostname: string;
  /** Undefined when the Host header carried no port. */
  port: number | undefined;
}

const defaultPorts = new Set([80, 443]);
const loopbackNames = ["127.0.0.1", "localhost", "[::1]"];

function isWildcardHost(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "[::]";
}

// "::1" → "[::1]" so that names compare the way Host headers spell them.
function bracketIpv6(address: string): string {
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

/** Parses a Host header; undefined when it is not a plain host[:port] (userinfo, paths and junk are refused). */
export function parseHostHeader(value: string | undefined): HostPort | undefined {
  if (!value || !/^[A-Za-z0-9.\-:[\]]+$/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return undefined;
  }
  const explicitPort = /:(\d+)$/.exec(value);
  const port = explicitPort ? Number(explicitPort[1]) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { hostname: url.hostname.toLowerCase(), port };
}

function defaultInterfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}

/** Decides whether a Host header names this server and whether an Origin may act on it. */
export class OriginPolicy {
  /** Origins allowed everywhere: the public URL's and --allowed-origins. */
  readonly allowedOrigins: ReadonlySet<string>;
  private readonly servedHosts: HostPort[];

  constructor(input: OriginPolicyInput) {
    this.allowedOrigins = new Set([...(input.publicOrigin ? [input.publicOrigin] : []), ...input.allowedOrigins]);
    this.servedHosts = [...this.listenHosts(input), ...[...this.allowedOrigins].map(originHostPort)];
  }

  private listenHosts(input: OriginPolicyInput): HostPort[] {
    const { listenHost, port } = input;
    let names: string[];
    if (isLoopbackHost(listenHost)) names = [...loopbackNames, bracketIpv6(listenHost)];
    else if (isWildcardHost(listenHost)) names = [...loopbackNames, ...(input.interfaceAddresses ?? defaultInterfaceAddresses)().map(bracketIpv6)];
    else names = [bracketIpv6(listenHost)];
    return names.map((name) => ({ hostname: name.toLowerCase(), port }));
  }

  /** True when the Host header names an address Orrery serves; anything else is a rebinding or misrouted request. */
  isServedHost(hostHeader: string | undefined): boolean {
    const host = parseHostHeader(hostHeader);
    if (!host) return false;
    return this.servedHosts.some((served) => served.hostname === host.hostname && portsMatch(served.port, host.port));
  }

  /**
   * Exact Origin check. No Origin means no browser sent it (browsers always send one on websockets and
   * state-changing requests), so there is no cross-site request to refuse; "null" and unknown origins are refused.
   */
  check(origin: string | undefined, hostHeader: string | undefined): OriginVerdict {
    if (origin === undefined || origin === "") return { ok: true };
    if (this.allowedOrigins.has(origin)) return { ok: true, origin };
    if (isSameOrigin(origin, hostHeader) && this.isServedHost(hostHeader)) return { ok: true, origin };
    return { ok: false, reason: `origin ${JSON.stringify(origin.slice(0, 200))} is not allowed; add it to --allowed-origins if it is yours` };
  }
}

function portsMatch(served: number | undefined, requested: number | undefined): boolean {
  if (requested === undefined) return served === undefined || defaultPorts.has(served);
  return served === requested || (served === undefined && defaultPorts.has(requested));
}

function originHostPort(origin: string): HostPort {
  const url = new URL(origin);
  return { hostname: url.hostname.toLowerCase(), port: url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80 };
}

// The page's own origin: same host and port as the Host header, over http or https (TLS may end at a proxy).
function isSameOrigin(origin: string, hostHeader: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin || (url.protocol !== "http:" && url.protocol !== "https:")) return false;
  const host = parseHostHeader(hostHeader);
  if (!host) return false;
  const originPort = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  const hostPort = host.port ?? (url.protocol === "https:" ? 443 : 80);
  return url.hostname.toLowerCase() === host.hostname && originPort === hostPort;
}
