import type { NodeUsage } from "./podUsage";

// The kubelet's /metrics/resource in Prometheus text exposition format 0.0.4.

interface Family {
  name: string;
  help: string;
  type: "counter" | "gauge";
  samples: { labels: Record<string, string>; value: number; timestampMs?: number }[];
}

/** Formats a float like Go's strconv.FormatFloat(v, 'g', -1, 64), as client_golang writes it. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return "0";
  const [mantissa = "", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  // Go switches to exponent form below 1e-4 and from 1e6 up (precision 6 for the shortest representation).
  if (exponent >= -4 && exponent < 6) return String(value);
  return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function renderFamily(f: Family): string {
  const lines = [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`];
  const sorted = [...f.samples].sort((a, b) => labelText(a.labels).localeCompare(labelText(b.labels)));
  for (const s of sorted) lines.push(`${f.name}${labelText(s.labels)} ${formatGoFloat(s.value)}${s.timestampMs !== undefined ? ` ${s.timestampMs}` : ""}`);
  return lines.join("\n");
}

function labelText(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? "" : `{${keys.map((k) => `${k}="${escapeLabel(labels[k]!)}"`).join(",")}}`;
}

/** Gauges and counters of one node, its pods and containers, as the kubelet exposes them. */
export function renderResourceMetrics(usage: NodeUsage, atMs: number): string {
  const families: Family[] = [
    { name: "container_cpu_usage_seconds_total", help: "[STABLE] Cumulative cpu time consumed by the container in core-seconds", type: "counter", samples: [] },
    { name: "container_memory_working_set_bytes", help: "[STABLE] Current working set of the container in bytes", type: "gauge", samples: [] },
    { name: "container_start_time_seconds", help: "[STABLE] Start time of the container since unix epoch in seconds", type: "gauge", samples: [] },
    { name: "node_cpu_usage_seconds_total", help: "[STABLE] Cumulative cpu time consumed by the node in core-seconds", type: "counter", samples: [{ labels: {}, value: usage.cpuSeconds, timestampMs: atMs }] },
    { name: "node_memory_working_set_bytes", help: "[STABLE] Current working set of the node in bytes", type: "gauge", samples: [{ labels: {}, value: Math.round(usage.memoryWorkingSetBytes), timestampMs: atMs }] },
    { name: "pod_cpu_usage_seconds_total", help: "[STABLE] Cumulative cpu time consumed by the pod in core-seconds", type: "counter", samples: [] },
    { name: "pod_memory_working_set_bytes", help: "[STABLE] Current working set of the pod in bytes", type: "gauge", samples: [] },
    { name: "resource_scrape_error", help: "[STABLE] 1 if there was an error while getting container metrics, 0 otherwise", type: "gauge", samples: [{ labels: {}, value: 0 }] },
    { name: "scrape_error", help: "[ALPHA] (Deprecated since 1.29.0) 1 if there was an error while getting container metrics, 0 otherwise", type: "gauge", samples: [{ labels: {}, value: 0 }] },
  ];
  const [containerCpu, containerMemory, containerStart, , , podCpu, podMemory] = families;
  for (const pod of usage.pods) {
    const podLabels = { namespace: pod.pod.metadata.namespace ?? "", pod: pod.pod.metadata.name };
    for (const c of pod.containers) {
      const labels = { container: c.name, ...podLabels };
      containerCpu!.samples.push({ labels, value: c.cpuSeconds, timestampMs: atMs });
      containerMemory!.samples.push({ labels, value: Math.round(c.memoryBytes), timestampMs: atMs });
      containerStart!.samples.push({ labels, value: c.startedMs / 1000 });
    }
    podCpu!.samples.push({ labels: podLabels, value: pod.cpuSeconds, timestampMs: atMs });
    podMemory!.samples.push({ labels: podLabels, value: Math.round(pod.memoryBytes), timestampMs: atMs });
  }
  return `${families.map(renderFamily).join("\n")}\n`;
}
