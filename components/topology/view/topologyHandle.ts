import type { TopologyNode } from "@/lib/wire/topology";
import { nodeCircles, visibleNodeIndices } from "../render/drawScene";
import { levelOfDetail } from "../render/style";
import { visibleWorldBounds } from "../render/viewport";
import type { TopologyView } from "./topologyView";

const brief = ({ id, kind, name, namespace }: TopologyNode) => ({ id, kind, name, namespace });

/** Access to the map from the console, end-to-end tests and benchmarks (which cannot see inside a canvas); it changes nothing on the map. */
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
  /** Starts noting when a node with this name is first painted at its laid-out position on screen. */
  watchFirstPaint(name: string): void;
  /** Date.now() in the page at that paint, or null until then. */
  firstPaintedAt(name: string): number | null;
  /** The names drawn on the static layer and their boxes, in CSS pixels relative to the canvas. */
  labels(): { text: string; left: number; top: number; right: number; bottom: number }[];
  /** The nodes on screen as circles (centre and radius, CSS pixels) that labels keep clear of. */
  nodeShapes(): { x: number; y: number; r: number }[];
  /** The colours labels are drawn in now. */
  labelColours(): { text: string; halo: string };
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
    screenPositionOf: (id) => view.screenPositionOf(id),
    viewport: () => view.currentViewport(),
    layoutDone: () => view.isLayoutDone(),
    paints: () => view.stats.paints,
    recentPaintsMs: () => [...view.stats.recentPaintsMs()],
    watchFirstPaint: (name) => view.firstPaints.watch(name),
    firstPaintedAt: (name) => view.firstPaints.paintedAtOf(name) ?? null,
    labels: () => view.placedLabels.map(({ text, box }) => ({ text, ...box })),
    nodeShapes: () => {
      const { scene, viewport, size } = view.snapshotForExport();
      return nodeCircles(scene, visibleNodeIndices(scene, visibleWorldBounds(viewport, size)), viewport, levelOfDetail(viewport.k));
    },
    labelColours: () => ({ ...view.labelPalette }),
  };
  window.__orreryTopology = handle;
  return () => {
    if (window.__orreryTopology === handle) delete window.__orreryTopology;
  };
}
