import type { Rng } from "../rng";

// Shared word lists so that every profile's lines look like a real service's traffic.

export const apiPaths = [
  "/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/cart", "/api/v1/users/{id}", "/api/v1/products?page={n}",
  "/api/v1/search?q=lamp", "/api/v1/checkout", "/api/v1/inventory/{id}", "/healthz", "/readyz", "/metrics",
] as const;

export const staticPaths = ["/", "/index.html", "/assets/app.{hex}.js", "/assets/style.{hex}.css", "/favicon.ico", "/images/logo.svg"] as const;

export const userAgents = [
  "kube-probe/1.32",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "curl/8.5.0",
  "Prometheus/2.53.0",
  "Go-http-client/1.1",
] as const;

const methodsWeighted = ["GET", "GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE"] as const;
const statusesWeighted = [200, 200, 200, 200, 200, 200, 200, 201, 204, 304, 304, 400, 404, 404, 500, 503] as const;

export function fillPath(rng: Rng, template: string): string {
  return template
    .replace("{id}", String(rng.int(1000, 99999)))
    .replace("{n}", String(rng.int(1, 40)))
    .replace("{hex}", rng.hex(8));
}

export function podIp(rng: Rng): string {
  return `10.244.${rng.int(0, 7)}.${rng.int(2, 250)}`;
}

export interface Request {
  method: string;
  path: string;
  status: number;
  bytes: number;
  durationMs: number;
  agent: string;
  client: string;
}

/** A plausible HTTP request: probes and metrics scrapes are common, errors rare. */
export function randomRequest(rng: Rng, paths: readonly string[] = apiPaths): Request {
  const agent = rng.pick(userAgents);
  const probe = agent.startsWith("kube-probe");
  const scrape = agent.startsWith("Prometheus");
  const path = probe ? rng.pick(["/healthz", "/readyz"]) : scrape ? "/metrics" : fillPath(rng, rng.pick(paths));
  const method = probe || scrape ? "GET" : rng.pick(methodsWeighted);
  const status = probe || scrape ? 200 : rng.pick(statusesWeighted);
  const bytes = status === 204 || status === 304 ? 0 : rng.int(120, 48_000);
  const durationMs = Math.round(rng.next() ** 3 * 900 + 1);
  return { method, path, status, bytes, durationMs, agent, client: podIp(rng) };
}

export function levelFor(rng: Rng): "info" | "warn" | "error" | "debug" {
  const roll = rng.next();
  if (roll < 0.03) return "error";
  if (roll < 0.12) return "warn";
  if (roll < 0.2) return "debug";
  return "info";
}
