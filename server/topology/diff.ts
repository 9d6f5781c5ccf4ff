import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import type { TopologyGraph } from "./views";

export interface TopologyDelta {
  upserted: TopologyNode[];
  removed: string[];
  edgesUpserted: TopologyEdge[];
  edgesRemoved: string[];
}

// Nodes are built in a fixed field order, so equal content serializes to equal text; shared (cached) nodes are encoded once.
const textOf = new WeakMap<object, string>();
function text(item: object): string {
  let json = textOf.get(item);
  if (json === undefined) {
    json = JSON.stringify(item);
    textOf.set(item, json);
  }
  return json;
}

function changed<T extends { id: string }>(before: readonly T[], after: readonly T[]): { upserted: T[]; removed: string[] } {
  const previous = new Map(before.map((item) => [item.id, item]));
  const upserted: T[] = [];
  const present = new Set<string>();
  for (const item of after) {
    present.add(item.id);
    const old = previous.get(item.id);
    if (old !== item && (old === undefined || text(old) !== text(item))) upserted.push(item);
  }
  const removed = [...previous.keys()].filter((id) => !present.has(id));
  return { upserted, removed };
}

/** What turns `previous` into `next`: nodes and edges added or changed, and the ids of those gone. */
export function diffGraphs(previous: TopologyGraph, next: TopologyGraph): TopologyDelta {
  const nodes = changed(previous.nodes, next.nodes);
  const edges = changed(previous.edges, next.edges);
  return { upserted: nodes.upserted, removed: nodes.removed, edgesUpserted: edges.upserted, edgesRemoved: edges.removed };
}

export function isEmptyDelta(delta: TopologyDelta): boolean {
  return delta.upserted.length + delta.removed.length + delta.edgesUpserted.length + delta.edgesRemoved.length === 0;
}
