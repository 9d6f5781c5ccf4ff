import { Text } from "@mantine/core";
import { summarizePod, podStatusTone, type StatusTone } from "@/lib/k8s/podStatus";
import { formatObjectRef } from "@/lib/k8s/objectRef";
import type { Pod } from "@/lib/k8s/types";
import type { ColumnSpec } from "./ResourceTable";
import { StatusBadge } from "./StatusBadge";
import { Age } from "./Age";
import { usageColumn } from "./usageColumns";
import { podUsage, type ListUsage, type RowUsage } from "./usageModel";

export interface PodRow {
  id: string;
  name: string;
  namespace: string;
  status: string;
  tone: StatusTone;
  ready: number;
  total: number;
  restarts: number;
  node: string;
  ip: string;
  createdAt?: string;
  usage: RowUsage;
}

const noUsage: ListUsage = {};

export function toPodRow(pod: Pod, usage: ListUsage = noUsage): PodRow {
  const summary = summarizePod(pod);
  const namespace = pod.metadata.namespace ?? "";
  return {
    id: formatObjectRef({ resource: "pods", namespace, name: pod.metadata.name }),
    name: pod.metadata.name,
    namespace,
    status: summary.status,
    tone: podStatusTone(summary.status),
    ready: summary.ready,
    total: summary.total,
    restarts: summary.restarts,
    node: pod.spec?.nodeName ?? "",
    ip: pod.status?.podIP ?? "",
    createdAt: pod.metadata.creationTimestamp,
    usage: podUsage(pod, usage),
  };
}

const createdMs = (row: { createdAt?: string }) => (row.createdAt ? Date.parse(row.createdAt) : 0);

export const podColumns: ColumnSpec<PodRow>[] = [
  { id: "name", header: "Name", value: (r) => r.name, width: "21%", render: (r) => <Text fw={500} size="sm" truncate>{r.name}</Text> },
  { id: "namespace", header: "Namespace", value: (r) => r.namespace, width: "10%" },
  { id: "status", header: "Status", value: (r) => r.status, width: "12%", render: (r) => <StatusBadge status={r.status} tone={r.tone} /> },
  { id: "ready", header: "Ready", value: (r) => (r.total ? r.ready / r.total : 0), numeric: true, width: "6%", render: (r) => `${r.ready}/${r.total}` },
  { id: "restarts", header: "Restarts", value: (r) => r.restarts, numeric: true, width: "7%" },
  { id: "node", header: "Node", value: (r) => r.node, width: "11%" },
  { id: "ip", header: "IP", value: (r) => r.ip, width: "9%" },
  usageColumn<PodRow>("cpu", "8%"),
  usageColumn<PodRow>("memory", "9%"),
  // Sorting by age means newest first when ascending, as people read "age".
  { id: "age", header: "Age", value: (r) => -createdMs(r), numeric: true, width: "7%", render: (r) => <Age timestamp={r.createdAt} /> },
];
