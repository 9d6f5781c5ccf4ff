import type { TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";

export type NodeShape = "circle" | "hexagon" | "roundedSquare" | "diamond" | "triangle";
export type LevelOfDetail = "dots" | "shapes" | "labels";

/** Below this scale nodes are dots; above LABEL_SCALE they get labels. */
export const DOT_SCALE = 0.5;
export const LABEL_SCALE = 1.2;

export function levelOfDetail(scale: number): LevelOfDetail {
  if (scale < DOT_SCALE) return "dots";
  return scale > LABEL_SCALE ? "labels" : "shapes";
}

const SHAPE_BY_KIND: Record<TopologyKind, NodeShape> = {
  Pod: "circle",
  Container: "circle",
  Group: "circle",
  Node: "hexagon",
  Namespace: "hexagon",
  Deployment: "roundedSquare",
  StatefulSet: "roundedSquare",
  DaemonSet: "roundedSquare",
  Job: "roundedSquare",
  CronJob: "roundedSquare",
  Unmanaged: "roundedSquare",
  Service: "diamond",
  Ingress: "triangle",
};

export function shapeOf(kind: TopologyKind): NodeShape {
  return SHAPE_BY_KIND[kind];
}

const RADIUS_BY_KIND: Record<TopologyKind, number> = {
  Pod: 5, Container: 4, Group: 10, Node: 10, Namespace: 12, Deployment: 7, StatefulSet: 7, DaemonSet: 7,
  Job: 7, CronJob: 7, Unmanaged: 7, Service: 7, Ingress: 7,
};

/** World-unit radius; aggregated groups grow with the square root of their member count. */
export function radiusOf(node: TopologyNode): number {
  const base = RADIUS_BY_KIND[node.kind];
  return node.group ? base + Math.sqrt(node.group.count) : base;
}

export const STATUS_COLOURS: Record<TopologyStatus, string> = {
  running: "#2f9e44",
  succeeded: "#1c7ed6",
  pending: "#f59f00",
  notready: "#e8590c",
  crashlooping: "#e03131",
  failed: "#c92a2a",
  terminating: "#868e96",
  unknown: "#adb5bd",
};

/** Aggregated groups show the worst status inside them; hosts and namespaces their own (their pods are a ring, see podsRing.ts). */
export function statusColourOf(node: TopologyNode): string {
  return STATUS_COLOURS[node.kind === "Group" && node.group ? node.group.worst : node.status];
}

export const EDGE_COLOUR = "rgba(134, 142, 150, 0.45)";
export const LABEL_COLOUR = "#212529";

export type ColourScheme = "light" | "dark";
/** Text and the halo stroked behind it, so a name reads over edges and on either theme's canvas. */
export interface LabelPalette { text: string; halo: string }
export const LABEL_PALETTES: Record<ColourScheme, LabelPalette> = {
  light: { text: LABEL_COLOUR, halo: "rgba(255, 255, 255, 0.9)" },
  dark: { text: "#e9ecef", halo: "rgba(26, 27, 30, 0.9)" },
};
export const LABEL_FONT = "11px system-ui, sans-serif";
export const HOVER_COLOUR = "#339af0";
export const SELECTION_COLOUR = "#1971c2";
export const MATCH_COLOUR = "#fab005";
