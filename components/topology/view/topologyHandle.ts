import type { TopologyNode } from "@/lib/wire/topology";
import type { TopologyView } from "./topologyView";

const brief = ({ id, kind, name, namespace }: TopologyNode) => ({ id, kind, name, namespace });

/** Read-only access to the map from the console, end-to-end tests and benchmarks (which cannot see inside a canvas). */
export interface TopologyHandle {
  nodeCount(): number;
  nodes(): { id: string; kind: string; name: string; namespace?: string }[];
  /** Search matches highlighted on the map. */
  highlighted(): { id: string; kind: string; name: string; namespace?: string }[];
  idsNamed(name: string): string[];
  /** World position as laid out. */
  positionOf(id: string): { x: number; y: number } | undefined;
  /** Position in CSS pixels relative to the canvas, where a click would land. */
  screenPositionOf(id: string): { x: number; y: number } | undefined;
  viewport(): { x: number; y: number; k: number };
  layoutDone(): boolean;
  paints(): number;
  recentPaintsMs(): number[];
}

declare global {
  interface Window {
    __orreryTopology?: TopologyHandle;
  }
}

export function exposeTopologyHandle(view: TopologyView): () => void {
  const handle: TopologyHandle = {
    nodeCount: () => view.nodeCount(),
    nodes: () => view.drawnNodes().map(brief),
    highlighted: () => {
      const ids = new Set(view.highlightedIds());
      return view.drawnNodes().filter((node) => ids.has(node.id)).map(brief);
    },
    idsNamed: (name) => view.idsNamed(name),
    positionOf: (id) => view.positionOf(id),
    screenPositionOf: (id) => {
      const point = view.positionOf(id);
      const { x, y, k } = view.currentViewport();
      return point && { x: point.x * k + x, y: point.y * k + y };
    },
    viewport: () => view.currentViewport(),
    layoutDone: () => view.isLayoutDone(),
    paints: () => view.stats.paints,
    recentPaintsMs: () => [...view.stats.recentPaintsMs()],
  };
  window.__orreryTopology = handle;
  return () => {
    if (window.__orreryTopology === handle) delete window.__orreryTopology;
  };
}
