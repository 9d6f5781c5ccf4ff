import type { TopologyNode } from "@/lib/wire/topology";
import { DOT_SIZE_PX, labelOf, visibleNodeIndices } from "../render/drawScene";
import { positionOf, type Scene } from "../render/scene";
import { EDGE_COLOUR, levelOfDetail, radiusOf, shapeOf, statusColourOf, type LevelOfDetail } from "../render/style";
import { visibleWorldBounds, worldToScreen, type Bounds, type Size, type Viewport } from "../render/viewport";
import { escapeXml, svgAttributes, svgGroup, svgPaint } from "./svgMarkup";
import { shapePathData } from "./svgPath";
import { labelElements, matchRingElements, selectionElements } from "./svgOverlays";

export interface SvgExportOptions {
  viewport: Viewport;
  /** The map's size in CSS pixels; the SVG has the same size. */
  size: Size;
  matchIds?: ReadonlySet<string>;
  selectedId?: string;
  /** The document title; defaults to "Orrery topology". */
  title?: string;
  /** Fill behind the map: the canvas is transparent, but a file opened on its own needs a page colour. */
  background?: string;
}

/** Screen margin within which nodes are still written, as drawScene draws them, so shapes cut by the edge are kept. */
export const SVG_CULL_MARGIN_PX = 16;
const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/** A standalone SVG document of what the map shows: edges, nodes by kind and status, labels at close zoom, match and selection rings. */
export function sceneToSvg(scene: Scene, options: SvgExportOptions): string {
  const { viewport, size } = options;
  const visible = visibleWorldBounds(viewport, size, SVG_CULL_MARGIN_PX);
  const onScreen = visibleNodeIndices(scene, visible);
  const lod = levelOfDetail(viewport.k);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg${svgAttributes({ xmlns: SVG_NAMESPACE, width: size.width, height: size.height, viewBox: `0 0 ${size.width} ${size.height}` })}>`,
    `<title>${escapeXml(options.title ?? "Orrery topology")}</title>`,
    `<desc>${onScreen.length} of ${scene.nodes.length} nodes in view</desc>`,
    `<rect${svgAttributes({ width: size.width, height: size.height, fill: options.background ?? "#ffffff" })}/>`,
    ...edgeElements(scene, visible, viewport),
    ...nodeElements(scene, onScreen, viewport, lod),
    ...(lod === "labels" ? labelElements(scene, onScreen, viewport, size) : []),
    ...matchRingElements(scene, viewport, size, options.matchIds),
    ...selectionElements(scene, viewport, size, options.selectedId),
    "</svg>",
  ];
  return `${lines.join("\n")}\n`;
}

function edgeElements(scene: Scene, visible: Bounds, viewport: Viewport): string[] {
  const lines: string[] = [];
  for (let i = 0; i + 1 < scene.edgeEnds.length; i += 2) {
    const from = positionOf(scene, scene.edgeEnds[i] ?? 0);
    const to = positionOf(scene, scene.edgeEnds[i + 1] ?? 0);
    // A segment whose bounding box misses the screen cannot cross it.
    if (Math.max(from.x, to.x) < visible.minX || Math.min(from.x, to.x) > visible.maxX) continue;
    if (Math.max(from.y, to.y) < visible.minY || Math.min(from.y, to.y) > visible.maxY) continue;
    const a = worldToScreen(viewport, from);
    const b = worldToScreen(viewport, to);
    lines.push(`<line${svgAttributes({ x1: a.x, y1: a.y, x2: b.x, y2: b.y })}/>`);
  }
  const paint = svgPaint(EDGE_COLOUR);
  return svgGroup({ class: "edges", stroke: paint.colour, "stroke-opacity": paint.opacity, "stroke-width": 1 }, lines);
}

function nodeElements(scene: Scene, indices: readonly number[], viewport: Viewport, lod: LevelOfDetail): string[] {
  const elements = indices.flatMap((index) => {
    const node = scene.nodes[index];
    if (!node) return [];
    const centre = worldToScreen(viewport, positionOf(scene, index));
    const common = { fill: statusColourOf(node), "data-node-id": node.id };
    const tooltip = `<title>${escapeXml(describeNode(node))}</title>`;
    if (lod === "dots") {
      return [`<circle${svgAttributes({ cx: centre.x, cy: centre.y, r: DOT_SIZE_PX / 2, ...common })}>${tooltip}</circle>`];
    }
    const d = shapePathData(shapeOf(node.kind), centre.x, centre.y, radiusOf(node) * viewport.k);
    return [`<path${svgAttributes({ d, ...common })}>${tooltip}</path>`];
  });
  return svgGroup({ class: "nodes" }, elements);
}

/** What a viewer's tooltip says about a node: kind, namespace/name and status. */
export function describeNode(node: TopologyNode): string {
  // A namespace, or a group of one, is its own namespace: "shop", not "shop/shop".
  const ownNamespace = node.kind === "Namespace" || node.group?.by === "namespace";
  const name = node.namespace && !ownNamespace ? `${node.namespace}/${labelOf(node)}` : labelOf(node);
  return `${node.kind} ${name}, ${node.kind === "Group" && node.group ? node.group.worst : node.status}`;
}
