import { Badge, Text } from "@mantine/core";
import { formatObjectRef } from "@/lib/k8s/objectRef";
import type { StatusTone } from "@/lib/k8s/podStatus";
import type { Pod } from "@/lib/k8s/types";
import type { WorkloadGroup } from "@/lib/k8s/workloads";
import type { ColumnSpec } from "./ResourceTable";
import { StatusBadge } from "./StatusBadge";
import { Age } from "./Age";
import { toPodRow } from "./podRows";
import { usageColumn } from "./usageColumns";
import { sumUsage, type ListUsage, type RowUsage } from "./usageModel";

export interface WorkloadRow {
  id: string;
  name: string;
  namespace: string;
  kind: string;
  status: string;
  tone: StatusTone;
  /** "3 pods" for a controller, "1/1" ready containers for a pod. */
  detail: string;
  restarts: number;
  createdAt?: string;
  usage: RowUsage;
  children?: WorkloadRow[];
}

function podToRow(pod: Pod, usage: ListUsage): WorkloadRow {
  const row = toPodRow(pod, usage);
  return { ...row, kind: "Pod", detail: `${row.ready}/${row.total}` };
}

export function toWorkloadRow(group: WorkloadGroup, usage: ListUsage = {}): WorkloadRow {
  const meta = group.object.metadata;
  const namespace = meta.namespace ?? "";
  const children = group.pods.map((pod) => podToRow(pod, usage));
  return {
    id: formatObjectRef({ resource: group.resource, namespace, name: meta.name }),
    name: meta.name,
    namespace,
    kind: group.kind,
    status: group.progress,
    tone: group.healthy ? "ok" : "warning",
    detail: `${children.length} ${children.length === 1 ? "pod" : "pods"}`,
    restarts: children.reduce((sum, child) => sum + child.restarts, 0),
    createdAt: meta.creationTimestamp,
    usage: sumUsage(children.map((child) => child.usage)),
    children,
  };
}

export function standaloneRows(pods: readonly Pod[], usage: ListUsage = {}): WorkloadRow[] {
  return pods.map((pod) => podToRow(pod, usage));
}

/** Controllers whose name or any pod's name contains the filter. */
export function filterWorkloads(rows: readonly WorkloadRow[], query: string): readonly WorkloadRow[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return rows;
  const matches = (row: WorkloadRow) => row.name.toLowerCase().includes(needle);
  return rows.filter((row) => matches(row) || (row.children ?? []).some(matches));
}

export const workloadColumns: ColumnSpec<WorkloadRow>[] = [
  { id: "name", header: "Name", value: (r) => r.name, width: "24%", render: (r) => <Text fw={r.children ? 600 : 400} size="sm" truncate>{r.name}</Text> },
  { id: "kind", header: "Kind", value: (r) => r.kind, width: "11%", render: (r) => <Badge variant={r.children ? "outline" : "transparent"} color="gray" tt="none">{r.kind}</Badge> },
  { id: "namespace", header: "Namespace", value: (r) => r.namespace, width: "11%" },
  { id: "status", header: "Status", value: (r) => r.status, width: "13%", render: (r) => <StatusBadge status={r.status} tone={r.tone} /> },
  { id: "detail", header: "Pods / Ready", value: (r) => r.detail, width: "10%" },
  { id: "restarts", header: "Restarts", value: (r) => r.restarts, numeric: true, width: "7%" },
  usageColumn<WorkloadRow>("cpu", "8%"),
  usageColumn<WorkloadRow>("memory", "8%"),
  { id: "age", header: "Age", value: (r) => -(r.createdAt ? Date.parse(r.createdAt) : 0), numeric: true, width: "8%", render: (r) => <Age timestamp={r.createdAt} /> },
];
