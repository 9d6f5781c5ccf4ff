import { encodeWriteRequest } from "@/server/metrics/api/testing/writeRequests";
import { api } from "./http";
import { user } from "./suiteContext";

export { encodeWriteRequest };

/** HTTP Basic credentials of a suite user, as agents and promtool send them. */
export function basicAuth(name: string): string {
  return `Basic ${Buffer.from(`${name}:${user(name).password}`).toString("base64")}`;
}

/** A remote-write POST as Prometheus's agent sends it. */
export function remoteWrite(body: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return api("/api/prom/api/v1/write", {
    method: "POST",
    headers: { "content-type": "application/x-protobuf", "content-encoding": "snappy", "x-prometheus-remote-write-version": "0.1.0", ...headers },
    body: new Uint8Array(body),
  });
}

export interface PromAnswer {
  status: number;
  body: { status: string; data?: unknown; errorType?: string; error?: string; warnings?: string[] };
}

/** A Prometheus API GET with a session cookie. */
export async function promGet(path: string, params: Record<string, string | string[]>, cookie: string): Promise<PromAnswer> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
  const response = await api(`/api/prom/api/v1/${path}?${search}`, { cookie });
  return { status: response.status, body: (await response.json()) as PromAnswer["body"] };
}

/** The metric labels of a vector or matrix answer. */
export function metricsOf(answer: PromAnswer): Record<string, string>[] {
  const data = answer.body.data as { result?: { metric: Record<string, string> }[] } | undefined;
  return (data?.result ?? []).map((r) => r.metric);
}
