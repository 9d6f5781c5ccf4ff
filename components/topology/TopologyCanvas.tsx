"use client";
import { useEffect, useId, useRef } from "react";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import type { LayoutPort } from "./layout/layoutClient";
import type { ColourScheme } from "./render/style";
import type { Viewport } from "./render/viewport";
import { exposeTopologyHandle } from "./view/topologyHandle";
import { TopologyView } from "./view/topologyView";

export interface TopologyCanvasProps {
  nodes: readonly TopologyNode[];
  edges: readonly TopologyEdge[];
  /** Ids joined to a node; GraphStore.neighbours fits. */
  neighboursOf: (id: string) => Iterable<string>;
  selectedId?: string;
  matchIds?: ReadonlySet<string>;
  /** Where the camera starts (from a link); the graph is fitted otherwise. Read once. */
  initialViewport?: Viewport;
  onSelect?: (id: string | undefined) => void;
  onHover?: (id: string | undefined) => void;
  onViewportChange?: (viewport: Viewport) => void;
  onGestureChange?: (active: boolean) => void;
  /** The page's colour scheme, for labels that read on its background. */
  colourScheme?: ColourScheme;
  /** The view itself, for fitting, centring and export; null when unmounted. */
  onViewReady?: (view: TopologyView | null) => void;
  /** Replaces the layout Web Worker, for tests. */
  openLayoutPort?: () => LayoutPort;
}

const layerStyle = { position: "absolute", inset: 0, width: "100%", height: "100%" } as const;

/** The topology map: a static canvas under an interaction canvas, driven by a TopologyView. */
export function TopologyCanvas(props: TopologyCanvasProps) {
  const { nodes, edges, selectedId, matchIds, openLayoutPort, colourScheme = "light" } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const interactionRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<TopologyView | null>(null);
  // Callbacks live in a ref so a new function identity each render neither relayouts nor remounts.
  const propsRef = useRef(props);

  useEffect(() => {
    propsRef.current = props;
  });

  useEffect(() => {
    const container = containerRef.current;
    const staticCanvas = staticRef.current;
    const interactionCanvas = interactionRef.current;
    if (!container || !staticCanvas || !interactionCanvas) return;
    const view = new TopologyView({
      staticCanvas,
      interactionCanvas,
      openLayoutPort,
      initialViewport: propsRef.current.initialViewport,
      onSelect: (id) => propsRef.current.onSelect?.(id),
      onHover: (id) => propsRef.current.onHover?.(id),
      onViewportChange: (viewport) => propsRef.current.onViewportChange?.(viewport),
      onGestureChange: (active) => propsRef.current.onGestureChange?.(active),
    });
    viewRef.current = view;
    const resize = () => view.resize({ width: container.clientWidth, height: container.clientHeight }, window.devicePixelRatio || 1);
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    resize();
    const hideHandle = exposeTopologyHandle(view);
    propsRef.current.onViewReady?.(view);
    return () => {
      propsRef.current.onViewReady?.(null);
      hideHandle();
      observer.disconnect();
      view.destroy();
      viewRef.current = null;
    };
  }, [openLayoutPort]);

  useEffect(() => viewRef.current?.setGraph(nodes, edges, (id) => propsRef.current.neighboursOf(id)), [nodes, edges, openLayoutPort]);
  useEffect(() => viewRef.current?.setInteraction({ selectedId, matchIds }), [selectedId, matchIds, openLayoutPort]);
  useEffect(() => viewRef.current?.setColourScheme(colourScheme), [colourScheme, openLayoutPort]);

  const helpId = useId();
  const label = `Topology map, ${nodes.length} ${nodes.length === 1 ? "node" : "nodes"}`;
  return (
    <div ref={containerRef} style={{ position: "relative", width: "100%", height: "100%", overflow: "hidden" }}>
      <canvas ref={staticRef} style={layerStyle} aria-hidden />
      <canvas ref={interactionRef} style={{ ...layerStyle, touchAction: "none" }} tabIndex={0} role="img" aria-label={label} aria-describedby={helpId} data-testid="topology-canvas" />
      <span id={helpId} hidden>
        Arrow keys move between nodes, Enter opens the details, Escape closes them.
      </span>
    </div>
  );
}
