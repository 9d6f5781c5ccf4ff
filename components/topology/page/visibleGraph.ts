import type { SearchQuery } from "@/lib/search/ast";
import { combinePinned, matchNode } from "@/lib/search/match";
import type { TopologyEdge, TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";

// The client-side filters of the map: kinds switched off, system namespaces, statuses, pinned searches.

export interface GraphFilters {
  hiddenKinds: readonly TopologyKind[];
  hideSystem: boolean;
  /** Statuses to keep; empty keeps all. */
  statuses: readonly TopologyStatus[];
  /** Parsed pinned searches; a node must match all of them. */
  pinned: readonly SearchQuery[];
}

export interface VisibleGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Nodes the filters took away, so the page can say so instead of silently showing less. */
  filteredOut: number;
}

/** kube-system, kube-public, kube-node-lease and any other kube-* namespace. */
export function isSystemNamespace(namespace: string | undefined): boolean {
  return namespace !== undefined && namespace.startsWith("kube-");
}

// The namespace a node belongs to, including namespace nodes and groups keyed by namespace.
function namespaceOf(node: TopologyNode): string | undefined {
  if (node.kind === "Namespace") return node.name;
  if (node.group?.by === "namespace") return node.group.key;
  return node.namespace;
}

export function filterGraph(nodes: readonly TopologyNode[], edges: readonly TopologyEdge[], filters: GraphFilters): VisibleGraph {
  const hiddenKinds = new Set(filters.hiddenKinds);
  const statuses = new Set(filters.statuses);
  const pinned = filters.pinned.length > 0 ? combinePinned(filters.pinned) : undefined;
  const kept = nodes.filter(
    (node) =>
      !hiddenKinds.has(node.kind) &&
      !(filters.hideSystem && isSystemNamespace(namespaceOf(node))) &&
      (statuses.size === 0 || statuses.has(node.status)) &&
      (pinned === undefined || matchNode(pinned, node)),
  );
  if (kept.length === nodes.length) return { nodes: [...nodes], edges: [...edges], filteredOut: 0 };
  const keptIds = new Set(kept.map((node) => node.id));
  return { nodes: kept, edges: edges.filter((edge) => keptIds.has(edge.source) && keptIds.has(edge.target)), filteredOut: nodes.length - kept.length };
}
