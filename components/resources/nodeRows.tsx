import { Text } from "@mantine/core";
import { summarizeNode } from "@/lib/k8s/nodeSummary";
import type { Node } from "@/lib/k8s/types";
import type { ColumnSpec } from "./ResourceTable";
import { StatusBadge } from "./StatusBadge";
import { Age } from "./Age";
import { usageColumn } from "./usageColumns";
import { nodeUsage, type ListUsage, type RowUsage } from "./usageModel";

export interface NodeRow {
  id: string;
  name: string;
  status: string;
  roles: string;
  /** Used CPU and memory against the node's allocatable. */
  usage: RowUsage;
  pods: number;
  version: string;
  createdAt?: string;
}

export function toNodeRow(node: Node, podCount: number, usage: ListUsage = {}): NodeRow {
  const summary = summarizeNode(node);
  return {
    id: `nodes/${node.metadata.name}`,
    name: node.metadata.name,
    status: summary.status,
    roles: summary.roles,
    usage: nodeUsage(node, usage),
    pods: podCount,
    version: summary.version,
    createdAt: node.metadata.creationTimestamp,
  };
}

export const nodeColumns: ColumnSpec<NodeRow>[] = [
  { id: "name", header: "Name", value: (r) => r.name, width: "20%", render: (r) => <Text fw={500} size="sm" truncate>{r.name}</Text> },
  {
    id: "status",
    header: "Status",
    value: (r) => r.status,
    width: "18%",
    render: (r) => <StatusBadge status={r.status} tone={r.status === "Ready" ? "ok" : r.status.startsWith("Ready") ? "warning" : "error"} />,
  },
  { id: "roles", header: "Roles", value: (r) => r.roles, width: "11%" },
  usageColumn<NodeRow>("cpu", "11%"),
  usageColumn<NodeRow>("memory", "12%"),
  { id: "pods", header: "Pods", value: (r) => r.pods, numeric: true, width: "7%" },
  { id: "version", header: "Version", value: (r) => r.version, width: "13%" },
  { id: "age", header: "Age", value: (r) => -(r.createdAt ? Date.parse(r.createdAt) : 0), numeric: true, width: "8%", render: (r) => <Age timestamp={r.createdAt} /> },
];
