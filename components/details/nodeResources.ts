import { parseQuantity } from "@/lib/k8s/quantity";
import type { Node } from "@/lib/k8s/types";
import { formatBytes, formatMillicores } from "@/lib/format/usage";
import type { NodeRelated } from "@/lib/wire/resources";

/** One row of a host's resources: what it has, what pods may use, what they asked for and what they use. */
export interface ResourceRow {
  resource: "CPU" | "Memory" | "Pods";
  capacity: string;
  allocatable: string;
  requested: string;
  used: string;
}

const percentOf = (part: number, whole: number | undefined) => (whole && whole > 0 ? ` (${Math.round((part / whole) * 100)}%)` : "");

/** CPU, memory and pod slots of a host side by side; requested and used as shares of allocatable. */
export function nodeResourceRows(node: Node, related: NodeRelated | undefined): ResourceRow[] {
  const capacity = node.status?.capacity ?? {};
  const allocatable = node.status?.allocatable ?? {};
  const cores = (text: string | undefined) => (text === undefined ? undefined : parseQuantity(text));
  const allocatableMillicores = (cores(allocatable.cpu) ?? 0) * 1000 || undefined;
  const allocatableBytes = cores(allocatable.memory);
  const usage = related?.usage;
  const used = (value: (amounts: { cpuMillicores: number; memoryBytes: number }) => string) =>
    !usage ? "…" : usage.state === "shown" ? value(usage.used) : usage.state === "forbidden" ? "hidden" : "not available";
  const runningPods = related?.pods.pods.filter((p) => p.status !== "Completed" && p.status !== "Succeeded" && p.status !== "Failed" && p.status !== "Error").length;
  const cpuText = (text: string | undefined) => (text === undefined ? "—" : formatMillicores((cores(text) ?? 0) * 1000));
  const memoryText = (text: string | undefined) => (text === undefined ? "—" : formatBytes(cores(text) ?? 0));
  return [
    {
      resource: "CPU",
      capacity: cpuText(capacity.cpu),
      allocatable: cpuText(allocatable.cpu),
      requested: related ? `${formatMillicores(related.requested.cpuMillicores)}${percentOf(related.requested.cpuMillicores, allocatableMillicores)}` : "…",
      used: used((u) => `${formatMillicores(u.cpuMillicores)}${percentOf(u.cpuMillicores, allocatableMillicores)}`),
    },
    {
      resource: "Memory",
      capacity: memoryText(capacity.memory),
      allocatable: memoryText(allocatable.memory),
      requested: related ? `${formatBytes(related.requested.memoryBytes)}${percentOf(related.requested.memoryBytes, allocatableBytes)}` : "…",
      used: used((u) => `${formatBytes(u.memoryBytes)}${percentOf(u.memoryBytes, allocatableBytes)}`),
    },
    { resource: "Pods", capacity: capacity.pods ?? "—", allocatable: allocatable.pods ?? "—", requested: runningPods === undefined ? "…" : String(runningPods), used: "—" },
  ];
}
