import { Text } from "@mantine/core";
import { summarizeNode } from "@/lib/k8s/nodeSummary";
import { formatQuantity, parseQuantity } from "@/lib/k8s/quantity";
import type { Node } from "@/lib/k8s/types";
import type { ColumnSpec } from "./ResourceTable";
import { StatusBadge } from "./StatusBadge";
import { Age } from "./Age";

export interface NodeRow {
  id: string;
  name: string;
  status: string;
  roles: string;
  cpu?: string;
  memory?: string;
  pods: number;
  version: string;
  createdAt?: string;
}

export function toNodeRow(node: Node, podCount: number): NodeRow {
  const summary = summarizeNode(node);
  return {
    id: `nodes/${node.metadata.name}`,
    name: node.metadata.name,
    status: summary.status,
    roles: summary.roles,
    cpu: summary.cpuAllocatable,
    memory: summary.memoryAllocatable,
    pods: podCount,
    version: summary.version,
    createdAt: node.metadata.creationTimestamp,
  };
}

const quantity = (text: string | undefined) => (text ? (parseQuantity(text) ?? 0) : 0);

export const nodeColumns: ColumnSpec<NodeRow>[] = [
  { id: "name", header: "Name", value: (r) => r.name, width: "24%", render: (r) => <Text fw={500} size="sm" truncate>{r.name}</Text> },
  {
    id: "status",
    header: "Status",
    value: (r) => r.status,
    width: "20%",
    render: (r) => <StatusBadge status={r.status} tone={r.status === "Ready" ? "ok" : r.status.startsWith("Ready") ? "warning" : "error"} />,
  },
  { id: "roles", header: "Roles", value: (r) => r.roles, width: "12%" },
  { id: "cpu", header: "CPU", value: (r) => quantity(r.cpu), numeric: true, width: "8%", render: (r) => formatQuantity("cpu", r.cpu) },
  { id: "memory", header: "Memory", value: (r) => quantity(r.memory), numeric: true, width: "10%", render: (r) => formatQuantity("memory", r.memory) },
  { id: "pods", header: "Pods", value: (r) => r.pods, numeric: true, width: "7%" },
  { id: "version", header: "Version", value: (r) => r.version, width: "11%" },
  { id: "age", header: "Age", value: (r) => -(r.createdAt ? Date.parse(r.createdAt) : 0), numeric: true, width: "8%", render: (r) => <Age timestamp={r.createdAt} /> },
];
