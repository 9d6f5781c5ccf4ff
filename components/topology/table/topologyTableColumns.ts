import type { TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import { formatBytes, formatMillicores } from "@/lib/format/usage";
import type { TableColumnId } from "./tableSort";

/** Shown for a value the node does not have. */
export const MISSING = "—";

/** "412 pods" for a node standing for many; hosts and namespaces count pods, other groups count `groupNoun`. */
export function memberCountText(node: TopologyNode, groupNoun = "pods"): string | undefined {
  if (!node.group) return undefined;
  const noun = node.kind === "Group" ? groupNoun : "pods";
  const count = node.group.count;
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun.replace(/s$/, "") : noun}`;
}

/** Aggregated groups show the worst status inside them, hosts and namespaces their own, as the map colours them. */
export function statusOf(node: TopologyNode): TopologyStatus {
  return node.kind === "Group" && node.group ? node.group.worst : node.status;
}

export interface TopologyColumn {
  id: TableColumnId;
  header: string;
  /** What sorting compares; undefined means the node has no such value, and sorts last either way. */
  value: (node: TopologyNode) => string | number | undefined;
  /** The cell's text, MISSING when there is no value. */
  text: (node: TopologyNode) => string;
  /** Numbers sort largest first on the first click. */
  numeric: boolean;
  width: string;
}

const text = (value: string | undefined) => (value ? value : undefined);
const shown = (value: string | number | undefined, format: (value: number) => string = String) =>
  value === undefined || value === "" ? MISSING : typeof value === "number" ? format(value) : value;

function textColumn(id: TableColumnId, header: string, width: string, value: (node: TopologyNode) => string | undefined): TopologyColumn {
  return { id, header, width, numeric: false, value: (node) => text(value(node)), text: (node) => shown(value(node)) };
}

function numberColumn(id: TableColumnId, header: string, width: string, value: (node: TopologyNode) => number | undefined, format?: (value: number) => string): TopologyColumn {
  const known = (node: TopologyNode) => {
    const number = value(node);
    return number === undefined || !Number.isFinite(number) ? undefined : number;
  };
  return { id, header, width, numeric: true, value: known, text: (node) => shown(known(node), format) };
}

export const TOPOLOGY_COLUMNS: readonly TopologyColumn[] = [
  textColumn("kind", "Kind", "10%", (node) => node.kind),
  textColumn("name", "Name", "24%", (node) => node.name),
  textColumn("namespace", "Namespace", "13%", (node) => node.namespace),
  textColumn("status", "Status", "12%", statusOf),
  textColumn("node", "Node", "14%", (node) => node.node),
  numberColumn("cpu", "CPU", "8%", (node) => node.metrics?.cpuMillicores, formatMillicores),
  numberColumn("memory", "Memory", "10%", (node) => node.metrics?.memoryBytes, formatBytes),
  numberColumn("restarts", "Restarts", "9%", (node) => node.metrics?.restarts),
];
