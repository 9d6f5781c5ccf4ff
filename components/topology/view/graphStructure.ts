import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";

/** Same node ids and edge ends in the same order: the layout's input is unchanged, a repaint is enough. */
export function sameStructure(
  oldNodes: readonly TopologyNode[],
  oldEdges: readonly TopologyEdge[],
  nodes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
): boolean {
  if (oldNodes.length !== nodes.length || oldEdges.length !== edges.length || nodes.length === 0) return false;
  if (nodes.some((node, index) => oldNodes[index]?.id !== node.id)) return false;
  return edges.every((edge, index) => oldEdges[index]?.source === edge.source && oldEdges[index]?.target === edge.target);
}
