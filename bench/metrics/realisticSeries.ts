import { labelsFromRecord, type Labels } from "@/server/metrics/model/labels";

/** How a series' value moves: most cluster series are status gauges that rarely change. */
type SeriesKind = "status" | "count" | "bytes" | "cpu";

export interface SyntheticSeries {
  labels: Labels;
  kind: SeriesKind;
  /** Remote-written series carry a few milliseconds of scrape jitter; collected ones are aligned. */
  jitter: boolean;
  value: number;
}

const KINDS: readonly [SeriesKind, number][] = [
  ["status", 0.55],
  ["count", 0.25],
  ["bytes", 0.1],
  ["cpu", 0.1],
];
const NAMES: Record<SeriesKind, string[]> = {
  status: ["kube_pod_status_phase", "kube_pod_container_status_ready", "kube_deployment_spec_replicas", "kube_pod_info"],
  count: ["http_requests_total", "kube_pod_container_status_restarts_total", "apiserver_request_total"],
  bytes: ["container_memory_working_set_bytes", "node_memory_MemAvailable_bytes"],
  cpu: ["container_cpu_usage_seconds_total", "process_cpu_seconds_total"],
};

/** A seeded generator so two runs write the same data. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function makeSeries(count: number, random: () => number): SyntheticSeries[] {
  const out: SyntheticSeries[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(random());
    const names = NAMES[kind];
    const labels = labelsFromRecord({
      __name__: names[i % names.length]!,
      namespace: `ns-${i % 50}`,
      pod: `app-${Math.floor(i / 7)}-${(i * 2654435761) % 100000}`,
      container: `c${i % 3}`,
      job: kind === "status" ? "kube-state-metrics" : "kubelet",
      instance: `10.0.${Math.floor(i / 250) % 256}.${i % 250}:8080`,
    });
    out.push({ labels, kind, jitter: random() < 0.25, value: kind === "bytes" ? 1e8 + Math.floor(random() * 1e8) : 0 });
  }
  return out;
}

function pickKind(r: number): SeriesKind {
  let acc = 0;
  for (const [kind, share] of KINDS) {
    acc += share;
    if (r < acc) return kind;
  }
  return "status";
}

/** Advances a series by one scrape and returns its new value. */
export function nextValue(s: SyntheticSeries, random: () => number): number {
  if (s.kind === "status") s.value = random() < 0.002 ? 1 - s.value : s.value;
  else if (s.kind === "count") s.value += Math.floor(random() * 5);
  else if (s.kind === "bytes") s.value += (Math.floor(random() * 64) - 32) * 4096;
  else s.value = Math.round((s.value + random() * 0.05) * 1e6) / 1e6;
  return s.value;
}

export function scrapeTime(s: SyntheticSeries, base: number, random: () => number): number {
  return s.jitter ? base + Math.floor(random() * 5) - 2 : base;
}
