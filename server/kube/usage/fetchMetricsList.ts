import { parseNodeMetricsList, parsePodMetricsList, type MetricsListResult } from "./metricsLists";
import type { ResourceUsage } from "./usageLookup";

// One GET of a metrics.k8s.io list, with every way it can fail worded for a person.

export const metricsApiBase = "/apis/metrics.k8s.io/v1beta1";

export type MetricsResource = "pods" | "nodes";

/** What the poller needs of a cluster connection; ClusterConnection and KubeRequester fit. */
export interface UsageRequester {
  request(path: string, init?: { signal?: AbortSignal }): Promise<{ status: number; text(): Promise<string> }>;
}

export type FetchedList =
  | { ok: true; samples: Map<string, ResourceUsage>; skipped: number }
  | { ok: false; /** Person-readable: what failed and what to do. */ reason: string };

const parsers: Record<MetricsResource, (body: unknown) => MetricsListResult> = { pods: parsePodMetricsList, nodes: parseNodeMetricsList };

/** Why an HTTP answer other than 200 means there is no usage; `detail` is the Status message when there was one. */
export function unavailableReason(resource: MetricsResource, status: number, detail: string): string {
  const said = detail ? `: ${detail}` : "";
  if (status === 404) return `the metrics API (metrics.k8s.io) is not installed (404${said}); install metrics-server to see CPU and memory`;
  if (status === 503) return `the metrics API (metrics.k8s.io) is not answering (503${said}); check that metrics-server is running and ready`;
  if (status === 403) return `forbidden: Orrery's identity may not list ${resource}.metrics.k8s.io (403${said}); grant it get and list on metrics.k8s.io pods and nodes`;
  if (status === 401) return `the apiserver refused Orrery's credentials for the metrics API (401${said})`;
  return `the metrics API (metrics.k8s.io) answered ${status} for ${resource}${said}`;
}

// The Status message of an error answer, or the start of a body that is not one.
function statusMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown } | null)?.message;
    if (typeof message === "string") return message.slice(0, 200);
  } catch {
    // Not JSON: the raw text says what it can.
  }
  return text.trim().slice(0, 200);
}

/** GETs the list of pod or node metrics and reads it; never rejects. */
export async function fetchMetricsList(requester: UsageRequester, resource: MetricsResource, signal: AbortSignal, timeoutMs: number): Promise<FetchedList> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await requester.request(`${metricsApiBase}/${resource}`, { signal: AbortSignal.any([signal, timeout]) });
    const text = await response.text();
    if (response.status !== 200) return { ok: false, reason: unavailableReason(resource, response.status, statusMessage(text)) };
    const parsed = parsers[resource](parseJson(text));
    return parsed.ok ? parsed : { ok: false, reason: `the metrics API (metrics.k8s.io) sent an unreadable ${resource} list: ${parsed.problem}` };
  } catch (error) {
    if (timeout.aborted && !signal.aborted) return { ok: false, reason: `the metrics API (metrics.k8s.io) did not answer for ${resource} within ${timeoutMs / 1000} s` };
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
