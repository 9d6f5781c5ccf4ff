import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";

/** What the renderers draw: nodes with index-aligned positions, and edges as index pairs. */
export interface Scene {
  nodes: readonly TopologyNode[];
  /** Interleaved x,y in world units, index-aligned with `nodes`. */
  positions: Float32Array;
  indexById: ReadonlyMap<string, number>;
  /** Source and target node indices, two per edge; edges with an end not in `nodes` are left out. */
  edgeEnds: Uint32Array;
}

/** Builds a scene; `positionIds`/`positions` come from the layout and may lag behind the graph (missing nodes sit at 0,0). */
export function buildScene(
  nodes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
  positionIds: readonly string[],
  positions: Float32Array,
): Scene {
  const indexById = new Map(nodes.map((node, index) => [node.id, index]));
  const aligned = new Float32Array(nodes.length * 2);
  positionIds.forEach((id, from) => {
    const to = indexById.get(id);
    if (to === undefined) return;
    aligned[to * 2] = positions[from * 2] ?? 0;
    aligned[to * 2 + 1] = positions[from * 2 + 1] ?? 0;
  });
  const ends: number[] = [];
  for (const edge of edges) {
    const source = indexById.get(edge.source);
    const target = indexById.get(edge.target);
    if (source !== undefined && target !== undefined) ends.push(source, target);
  }
  return { nodes, positions: aligned, indexById, edgeEnds: Uint32Array.from(ends) };
}

export function positionOf(scene: Scene, index: number): { x: number; y: number } {
  return { x: scene.positions[index * 2] ?? 0, y: scene.positions[index * 2 + 1] ?? 0 };
}
