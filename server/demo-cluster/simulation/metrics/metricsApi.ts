import { toTimestamp } from "../clock";
import type { Node, Pod } from "../objects/types";
import type { PodUsage } from "./podUsage";

// metrics.k8s.io/v1beta1 objects as metrics-server serves them.

export const METRICS_GROUP_VERSION = "metrics.k8s.io/v1beta1";
/** metrics-server scrapes on this resolution; values between scrapes stay the same. */
export const SCRAPE_RESOLUTION_MS = 10_000;

export const formatCpu = (cores: number) => `${Math.max(0, Math.round(cores * 1e9))}n`;
export const formatMemory = (bytes: number) => `${Math.max(0, Math.round(bytes / 1024))}Ki`;

/** The scrape time a read at `now` reports: the last resolution boundary. */
export const scrapeTime = (now: number) => Math.floor(now / SCRAPE_RESOLUTION_MS) * SCRAPE_RESOLUTION_MS;

export function nodeMetrics(node: Node, cpuCores: number, memoryBytes: number, scrapedMs: number, nowMs: number) {
  return {
    metadata: { name: node.metadata.name, creationTimestamp: toTimestamp(nowMs), labels: { ...node.metadata.labels } },
    timestamp: toTimestamp(scrapedMs),
    window: "10s",
    usage: { cpu: formatCpu(cpuCores), memory: formatMemory(memoryBytes) },
  };
}

export function podMetrics(usage: PodUsage, scrapedMs: number, nowMs: number) {
  const pod: Pod = usage.pod;
  return {
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: toTimestamp(nowMs), labels: { ...pod.metadata.labels } },
    timestamp: toTimestamp(scrapedMs),
    window: "30s",
    containers: usage.containers.map((c) => ({ name: c.name, usage: { cpu: formatCpu(c.cpuCores), memory: formatMemory(c.memoryBytes) } })),
  };
}

export function metricsList(kind: "NodeMetricsList" | "PodMetricsList", items: unknown[]) {
  return { kind, apiVersion: METRICS_GROUP_VERSION, metadata: {}, items };
}

/** The group's resource list, for discovery of /apis/metrics.k8s.io/v1beta1. */
export function metricsResourceList() {
  const verbs = ["get", "list"];
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: METRICS_GROUP_VERSION,
    resources: [
      { name: "nodes", singularName: "", namespaced: false, kind: "NodeMetrics", verbs },
      { name: "pods", singularName: "", namespaced: true, kind: "PodMetrics", verbs },
    ],
  };
}
