"use client";
import { useEffect, useRef } from "react";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import type { LayoutPort } from "./layout/layoutClient";
import { TopologyView } from "./view/topologyView";

export interface TopologyCanvasProps {
  nodes: readonly TopologyNode[];
  edges: readonly TopologyEdge[];
  /** Ids joined to a node; GraphStore.neighbours fits. */
  neighboursOf: (id: string) => Iterable<string>;
  selectedId?: string;
  matchIds?: ReadonlySet<string>;
  /** Changing this number zooms to fit the whole graph. */
  fitRequest?: number;
  onSelect?: (id: string | undefined) => void;
  onHover?: (id: string | undefined) => void;
  /** Replaces the layout Web Worker, for tests. */
  openLayoutPort?: () => LayoutPort;
}

const layerStyle = { position: "absolute", inset: 0, width: "100%", height: "100%" } as const;

/** The topology map: a static canvas under an interaction canvas, driven by a TopologyView. */
export function TopologyCanvas(props: TopologyCanvasProps) {
  const { nodes, edges, neighboursOf, selectedId, matchIds, fitRequest, onSelect, onHover, openLayoutPort } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const interactionRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<TopologyView | null>(null);
  // Callbacks live in a ref so a new function identity each render neither relayouts nor remounts.
  const callbacksRef = useRef({ onSelect, onHover, neighboursOf });

  useEffect(() => {
    callbacksRef.current = { onSelect, onHover, neighboursOf };
  }, [onSelect, onHover, neighboursOf]);

  useEffect(() => {
    const container = containerRef.current;
    const staticCanvas = staticRef.current;
    const interactionCanvas = interactionRef.current;
    if (!container || !staticCanvas || !interactionCanvas) return;
    const view = new TopologyView({
      staticCanvas,
      interactionCanvas,
      openLayoutPort,
      onSelect: (id) => callbacksRef.current.onSelect?.(id),
      onHover: (id) => callbacksRef.current.onHover?.(id),
    });
    viewRef.current = view;
    const resize = () => view.resize({ width: container.clientWidth, height: container.clientHeight }, window.devicePixelRatio || 1);
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    resize();
    return () => {
      observer.disconnect();
      view.destroy();
      viewRef.current = null;
    };
  }, [openLayoutPort]);

  useEffect(() => viewRef.current?.setGraph(nodes, edges, (id) => callbacksRef.current.neighboursOf(id)), [nodes, edges, openLayoutPort]);
  useEffect(() => viewRef.current?.setInteraction({ selectedId, matchIds }), [selectedId, matchIds, openLayoutPort]);
  useEffect(() => {
    if (fitRequest !== undefined) viewRef.current?.fit();
  }, [fitRequest]);

  return (
    <div ref={containerRef} style={{ position: "relative", width: "100%", height: "100%", overflow: "hidden" }}>
      <canvas ref={staticRef} style={layerStyle} aria-hidden />
      <canvas ref={interactionRef} style={{ ...layerStyle, touchAction: "none" }} role="img" aria-label={`Topology map, ${nodes.length} ${nodes.length === 1 ? "node" : "nodes"}`} />
    </div>
  );
}
