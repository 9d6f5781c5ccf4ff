import type { TopologyEdge } from "@/lib/wire/topology";

/** Ids joined to each node by an edge either way, for hover highlights and the details panel; built on first use. */
export function neighbourIndex(edges: readonly TopologyEdge[]): (id: string) => ReadonlySet<string> {
  let byNode: Map<string, Set<string>> | undefined;
  const none: ReadonlySet<string> = new Set();
  return (id) => {
    byNode ??= buildIndex(edges);
    return byNode.get(id) ?? none;
  };
}

function buildIndex(edges: readonly TopologyEdge[]): Map<string, Set<string>> {
  const byNode = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    const set = byNode.get(from);
    if (set) set.add(to);
    else byNode.set(from, new Set([to]));
  };
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  return byNode;
}
