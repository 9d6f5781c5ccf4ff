// kube-state-metrics-like gauges and cAdvisor/app counters over one hour, with pods that come and go
// (stale markers), missed scrapes (gaps longer than the lookback) and counter resets.
import { labelsFromRecord } from "@/server/metrics/model/labels";
import { STALE_NAN, type Millis } from "@/server/metrics/model/sample";
import type { SeededRandom } from "./seededRandom";
import type { TestSeries } from "./testSeries";

export const SCRAPE_INTERVAL: Millis = 15_000;
export const DATA_START: Millis = 0;
export const DATA_END: Millis = 60 * 60_000;

export const NAMESPACES = ["default", "kube-system", "team-a"] as const;
export const NODES = ["node-a", "node-b", "node-c"] as const;
export const HISTOGRAM_BOUNDS = ["0.05", "0.1", "0.25", "0.5", "1", "+Inf"] as const;

/** When a pod's series have samples: [born, died); died at DATA_END means still running. */
interface Pod {
  namespace: string;
  name: string;
  node: string;
  deployment: string;
  containers: string[];
  born: Millis;
  died: Millis;
}

/** Samples of one series: the scrape times in its life, a value per time, a stale marker after death. */
function scrapeSeries(rng: SeededRandom, labels: Record<string, string>, life: { born: Millis; died: Millis }, valueAt: (t: Millis, i: number) => number): TestSeries {
  const offset = rng.int(0, SCRAPE_INTERVAL - 1);
  const gap = rng.chance(0.08) ? { from: rng.int(5, 45) * 60_000, to: 0 } : undefined;
  if (gap) gap.to = gap.from + rng.int(6, 9) * 60_000;
  const timestamps: Millis[] = [];
  for (let t = life.born + offset; t < life.died; t += SCRAPE_INTERVAL) {
    if (!gap || t < gap.from || t >= gap.to) timestamps.push(t);
  }
  const last = timestamps[timestamps.length - 1];
  const endsStale = life.died < DATA_END && last !== undefined;
  if (endsStale) timestamps.push(last + SCRAPE_INTERVAL);
  const values = new Float64Array(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) values[i] = endsStale && i === timestamps.length - 1 ? STALE_NAN : valueAt(timestamps[i]!, i);
  return { labels: labelsFromRecord(labels), timestamps, values };
}

function makePods(rng: SeededRandom): Pod[] {
  const deployments = ["api", "web", "worker", "coredns", "metrics"];
  const pods: Pod[] = [];
  for (let i = 0; i < 16; i++) {
    const deployment = rng.pick(deployments);
    const replaced = rng.chance(0.25);
    const born = rng.chance(0.2) ? rng.int(5, 40) * 60_000 : DATA_START;
    pods.push({
      namespace: deployment === "coredns" || deployment === "metrics" ? "kube-system" : rng.pick(["default", "team-a"]),
      name: `${deployment}-${(0x10000 + i * 7919).toString(16).slice(-5)}`,
      node: rng.pick(NODES),
      deployment,
      containers: rng.chance(0.4) ? [deployment, "sidecar"] : [deployment],
      born,
      died: replaced ? Math.min(DATA_END, born + rng.int(10, 50) * 60_000) : DATA_END,
    });
  }
  return pods;
}

/** A counter that grows by distinct random amounts and sometimes resets (a container restart). */
function counter(rng: SeededRandom, rate: number): (t: Millis, i: number) => number {
  let value = rng.next() * 100;
  return () => {
    value = rng.chance(0.01) ? rng.next() * rate : value + rng.next() * rate * 15;
    return value;
  };
}

function podSeries(rng: SeededRandom, pod: Pod): TestSeries[] {
  const base = { namespace: pod.namespace, pod: pod.name };
  const ksm = { ...base, job: "kube-state-metrics" };
  const out = [scrapeSeries(rng, { __name__: "kube_pod_info", ...ksm, node: pod.node, created_by_kind: "ReplicaSet" }, pod, () => 1)];
  const phaseChange = rng.int(pod.born, pod.died);
  for (const phase of ["Pending", "Running", "Succeeded", "Failed", "Unknown"]) {
    const now = (t: Millis) => (t < phaseChange ? "Pending" : pod.died < DATA_END ? "Failed" : "Running");
    out.push(scrapeSeries(rng, { __name__: "kube_pod_status_phase", ...ksm, phase }, pod, (t) => (now(t) === phase ? 1 : 0)));
  }
  for (const container of pod.containers) {
    const c = { ...base, container, node: pod.node };
    const cpu = rng.pick([0.1, 0.25, 0.5, 1]);
    const memory = rng.pick([64, 128, 256, 512]) * 1024 * 1024;
    for (const metric of ["kube_pod_container_resource_requests", "kube_pod_container_resource_limits"]) {
      if (metric.endsWith("limits") && rng.chance(0.4)) continue;
      const factor = metric.endsWith("limits") ? 2 : 1;
      out.push(scrapeSeries(rng, { __name__: metric, ...ksm, container, node: pod.node, resource: "cpu", unit: "core" }, pod, () => cpu * factor));
      out.push(scrapeSeries(rng, { __name__: metric, ...ksm, container, node: pod.node, resource: "memory", unit: "byte" }, pod, () => memory * factor));
    }
    out.push(scrapeSeries(rng, { __name__: "container_cpu_usage_seconds_total", ...c, job: "kubelet" }, pod, counter(rng, cpu)));
    const working = memory * (0.3 + rng.next() * 0.5);
    out.push(scrapeSeries(rng, { __name__: "container_memory_working_set_bytes", ...c, job: "kubelet" }, pod, () => working * (0.9 + rng.next() * 0.2)));
  }
  for (const method of ["GET", "POST"]) {
    for (const code of ["200", "404", "500"]) {
      if (code !== "200" && rng.chance(0.5)) continue;
      const labels = { __name__: "http_requests_total", ...base, job: "app", method, code };
      out.push(scrapeSeries(rng, labels, pod, counter(rng, code === "200" ? 20 : 1)));
    }
  }
  return out;
}

function nodeSeries(rng: SeededRandom): TestSeries[] {
  const always = { born: DATA_START, died: DATA_END };
  return NODES.flatMap((node) => {
    const ksm = { node, job: "kube-state-metrics" };
    const cores = rng.pick([4, 8, 16]);
    const utilisation = () => (rng.chance(0.03) ? NaN : rng.next());
    return [
      scrapeSeries(rng, { __name__: "kube_node_status_capacity", ...ksm, resource: "cpu", unit: "core" }, always, () => cores),
      scrapeSeries(rng, { __name__: "kube_node_status_capacity", ...ksm, resource: "memory", unit: "byte" }, always, () => cores * 4 * 2 ** 30),
      scrapeSeries(rng, { __name__: "node_memory_utilisation_ratio", node, job: "node-exporter" }, always, utilisation),
    ];
  });
}

function deploymentSeries(rng: SeededRandom, pods: readonly Pod[]): TestSeries[] {
  const always = { born: DATA_START, died: DATA_END };
  const seen = new Map<string, { namespace: string; deployment: string }>();
  for (const pod of pods) seen.set(`${pod.namespace}/${pod.deployment}`, pod);
  return [...seen.values()].map(({ namespace, deployment }) => {
    const replicas = rng.int(1, 4);
    const labels = { __name__: "kube_deployment_status_replicas_available", namespace, deployment, job: "kube-state-metrics" };
    return scrapeSeries(rng, labels, always, (t) => Math.max(0, replicas - (Math.floor(t / 600_000) % 2)));
  });
}

/** Classic histogram buckets (cumulative counters per `le`), with _sum and _count, per namespace. */
function histogramSeries(rng: SeededRandom): TestSeries[] {
  const always = { born: DATA_START, died: DATA_END };
  return NAMESPACES.flatMap((namespace) => {
    const counts = HISTOGRAM_BOUNDS.map(() => 0);
    let sum = 0;
    const observe = () => {
      for (let n = rng.int(0, 30); n > 0; n--) {
        const latency = rng.next() ** 3 * 1.5;
        sum += latency;
        HISTOGRAM_BOUNDS.forEach((le, i) => (counts[i]! += latency <= Number(le.replace("+Inf", "Infinity")) ? 1 : 0));
      }
    };
    const base = { namespace, job: "app" };
    const series = HISTOGRAM_BOUNDS.map((le, i) => ({ labels: { __name__: "http_request_duration_seconds_bucket", ...base, le }, i }));
    // One timeline for all buckets, filled in one pass, so that they stay cumulative at every timestamp.
    const timeline = scrapeSeries(rng, series[0]!.labels, always, () => 0).timestamps;
    const values = timeline.map(() => (observe(), [...counts, sum]));
    const aligned = (labels: Record<string, string>, column: number): TestSeries => ({
      labels: labelsFromRecord(labels),
      timestamps: [...timeline],
      values: Float64Array.from(values, (row) => row[column]!),
    });
    return [
      ...series.map(({ labels, i }) => aligned(labels, i)),
      aligned({ __name__: "http_request_duration_seconds_sum", ...base }, HISTOGRAM_BOUNDS.length),
      aligned({ __name__: "http_request_duration_seconds_count", ...base }, HISTOGRAM_BOUNDS.length - 1),
    ];
  });
}

/** The differential test's data set: a few hundred series, about 80k samples. */
export function makeKubeSeries(rng: SeededRandom): TestSeries[] {
  const pods = makePods(rng);
  return [...pods.flatMap((pod) => podSeries(rng, pod)), ...nodeSeries(rng), ...deploymentSeries(rng, pods), ...histogramSeries(rng)];
}

/** Metric names by kind, for the query generator. */
export const METRICS = {
  gauges: ["kube_pod_info", "kube_pod_status_phase", "kube_pod_container_resource_requests", "kube_pod_container_resource_limits", "kube_node_status_capacity", "kube_deployment_status_replicas_available", "container_memory_working_set_bytes", "node_memory_utilisation_ratio"],
  counters: ["container_cpu_usage_seconds_total", "http_requests_total", "http_request_duration_seconds_sum", "http_request_duration_seconds_count"],
  /** Metrics whose series have distinct values at any time, so topk/bottomk never meet a tie. */
  distinct: ["container_memory_working_set_bytes"],
  distinctCounters: ["container_cpu_usage_seconds_total"],
  buckets: "http_request_duration_seconds_bucket",
} as const;

/** Label names and some of their values, for matchers and grouping. */
export const LABEL_VALUES: Record<string, readonly string[]> = {
  namespace: NAMESPACES,
  node: NODES,
  job: ["kube-state-metrics", "kubelet", "app", "node-exporter"],
  resource: ["cpu", "memory"],
  phase: ["Pending", "Running", "Failed"],
  method: ["GET", "POST"],
  code: ["200", "404", "500"],
  container: ["api", "web", "sidecar", "worker"],
  le: HISTOGRAM_BOUNDS,
};
