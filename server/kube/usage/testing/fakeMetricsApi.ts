import type { UsageRequester } from "../fetchMetricsList";

// A stand-in for the apiserver's metrics.k8s.io: tests set what each list answers and count the requests.

export type FakeAnswer = { status: number; body: unknown } | { error: Error } | { hang: true };

export function podItem(namespace: string, name: string, containers: { cpu: string; memory: string }[]) {
  return { metadata: { name, namespace }, timestamp: "2026-01-01T00:00:00Z", window: "30s", containers: containers.map((usage, i) => ({ name: `c${i}`, usage })) };
}

export function nodeItem(name: string, cpu: string, memory: string) {
  return { metadata: { name }, timestamp: "2026-01-01T00:00:00Z", window: "10s", usage: { cpu, memory } };
}

export const list = (kind: "PodMetricsList" | "NodeMetricsList", items: unknown[]) => ({ kind, apiVersion: "metrics.k8s.io/v1beta1", metadata: {}, items });

export const status = (code: number, reason: string, message: string) => ({ kind: "Status", apiVersion: "v1", status: "Failure", code, reason, message });

export class FakeMetricsApi implements UsageRequester {
  readonly requested: string[] = [];
  pods: FakeAnswer = { status: 200, body: list("PodMetricsList", []) };
  nodes: FakeAnswer = { status: 200, body: list("NodeMetricsList", []) };

  async request(path: string, init?: { signal?: AbortSignal }): Promise<{ status: number; text(): Promise<string> }> {
    this.requested.push(path);
    const answer = path.endsWith("/pods") ? this.pods : path.endsWith("/nodes") ? this.nodes : { status: 404, body: status(404, "NotFound", "not found") };
    if ("error" in answer) throw answer.error;
    if ("hang" in answer) {
      return new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("request aborted")), { once: true }));
    }
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    return { status: answer.status, text: async () => text };
  }
}
