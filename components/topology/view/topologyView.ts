import { select } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import { createLayoutClient, type CancelLayout, type LayoutClient, type LayoutPort } from "../layout/layoutClient";
import type { TopologyContext } from "../render/canvasContext";
import { drawInteraction, type InteractionState } from "../render/drawInteraction";
import { drawScene } from "../render/drawScene";
import { createHitIndex, type HitIndex } from "../render/hitTest";
import { buildScene, type Scene } from "../render/scene";
import { boundsOfPositions, fitToBounds, MAX_SCALE, MIN_SCALE, screenToWorld, type Size, type Viewport } from "../render/viewport";
import { createFrameScheduler, type FrameScheduler } from "./frameScheduler";
import { BigMapGesture } from "./bigMapGesture";
import { arrowDirections, nodeInDirection, nodeNearestCentre } from "./keyboardNavigation";
import { markOnce, PaintStats, topologyMarks } from "./paintStats";

export interface TopologyViewOptions {
  staticCanvas: HTMLCanvasElement;
  interactionCanvas: HTMLCanvasElement;
  onSelect?: (id: string | undefined) => void;
  onHover?: (id: string | undefined) => void;
  /** The person finished a zoom or pan (programmatic moves such as fitting are not reported). */
  onViewportChange?: (viewport: Viewport) => void;
  /** A pan or zoom of a big map began (true) or ended (false); updates may wait until it ends. */
  onGestureChange?: (active: boolean) => void;
  /** Start here instead of fitting the graph (a link that carries the zoom). */
  initialViewport?: Viewport;
  /** Replaces the Web Worker, for tests. */
  openLayoutPort?: () => LayoutPort;
}

/** Pointer tolerance around a node, in CSS pixels. */
const HIT_TOLERANCE_PX = 4;

/** Owns the two canvases, the layout worker and the zoom; React only feeds it props (see TopologyCanvas). */
export class TopologyView {
  private readonly layout: LayoutClient;
  private readonly staticFrame: FrameScheduler;
  private readonly interactionFrame: FrameScheduler;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private nodes: readonly TopologyNode[] = [];
  private edges: readonly TopologyEdge[] = [];
  private neighboursOf: (id: string) => Iterable<string> = () => [];
  private positionIds: readonly string[] = [];
  private positions: Float32Array = new Float32Array(0);
  private scene: Scene = buildScene([], [], [], new Float32Array(0));
  private hitIndex: HitIndex | undefined;
  private cancelLayout: CancelLayout | undefined;
  private viewport: Viewport = { x: 0, y: 0, k: 1 };
  private size: Size = { width: 0, height: 0 };
  private pixelRatio = 1;
  private interaction: InteractionState = {};
  private fittedOnce = false;
  private layoutDone = false;
  /** The person zoomed or panned (or a link set the view): automatic fitting stops. */
  private userMoved = false;
  private firstLayoutSettled = false;
  private gestureStart: Viewport | undefined;
  private readonly gesture: BigMapGesture;
  private paintedViewport: Viewport | undefined;
  private sceneDirty = false;
  readonly stats = new PaintStats();

  constructor(private readonly options: TopologyViewOptions) {
    this.layout = createLayoutClient(options.openLayoutPort);
    this.gesture = new BigMapGesture(options.staticCanvas, (held) => options.onGestureChange?.(held));
    this.staticFrame = createFrameScheduler(() => this.paintStatic());
    this.interactionFrame = createFrameScheduler(() => this.paintInteraction());
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .on("zoom", (event: { transform: Viewport; sourceEvent: unknown }) => {
        if (event.sourceEvent) this.userMoved = true;
        this.viewport = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
        this.requestPaint();
      })
      .on("start", (event: { sourceEvent: unknown }) => {
        this.gestureStart = this.viewport;
        if (event.sourceEvent) this.gesture.begin(this.scene.nodes.length, this.paintedViewport);
      })
      .on("end", (event: { sourceEvent: unknown }) => {
        // The picture comes back in full, with what changed meanwhile.
        if (this.gesture.end()) {
          if (this.sceneDirty) this.rebuildScene();
          else this.requestPaint();
        }
        // A plain click also makes a zoom gesture: report only real moves.
        if (!event.sourceEvent || sameViewport(this.gestureStart, this.viewport)) return;
        this.options.onViewportChange?.(this.viewport);
      });
    select(options.interactionCanvas).call(this.zoomBehavior);
    if (options.initialViewport) {
      this.userMoved = true;
      this.setViewport(options.initialViewport);
    }
    options.interactionCanvas.addEventListener("pointermove", this.handlePointerMove);
    options.interactionCanvas.addEventListener("pointerleave", this.handlePointerLeave);
    options.interactionCanvas.addEventListener("click", this.handleClick);
    options.interactionCanvas.addEventListener("keydown", this.handleKeyDown);
  }

  /** New graph data: relayout, warm-started from the positions on screen now; a status-only change just repaints. */
  setGraph(nodes: readonly TopologyNode[], edges: readonly TopologyEdge[], neighboursOf: (id: string) => Iterable<string>): void {
    const structureChanged = !sameStructure(this.nodes, this.edges, nodes, edges);
    this.nodes = nodes;
    this.edges = edges;
    this.neighboursOf = neighboursOf;
    this.rebuildScene();
    if (!structureChanged) return;
    this.layoutDone = false;
    this.cancelLayout = this.layout.layout(
      { nodes: nodes.map((node) => ({ id: node.id })), edges: edges.map((edge) => ({ source: edge.source, target: edge.target })), previous: { ids: this.positionIds, positions: this.positions } },
      (update) => {
        this.positionIds = update.ids;
        this.positions = update.positions;
        this.layoutDone = update.done;
        this.rebuildScene();
        // Fit as soon as everything is placed, and once more when the first layout settles unless the person moved the view;
        // never afterwards, so a change in the cluster never moves the camera.
        if (!this.fittedOnce || (update.done && !this.firstLayoutSettled && !this.userMoved)) this.fit();
        if (update.done) this.firstLayoutSettled = true;
        if (update.done && this.nodes.length > 0) markOnce(topologyMarks.settled);
      },
    );
  }

  /** Moves the camera; a link's zoom is applied this way. */
  setViewport(viewport: Viewport): void {
    this.fittedOnce = true;
    select(this.options.interactionCanvas).call(this.zoomBehavior.transform, zoomIdentity.translate(viewport.x, viewport.y).scale(viewport.k));
  }

  /** Pans so the node is in the middle of the screen, keeping the zoom. */
  centreOn(id: string): void {
    const point = this.positionOf(id);
    if (!point || this.size.width === 0) return;
    const k = this.viewport.k;
    this.setViewport({ x: this.size.width / 2 - point.x * k, y: this.size.height / 2 - point.y * k, k });
  }

  /** What an export needs: the scene as drawn, the camera, and both canvases. */
  snapshotForExport(): { scene: Scene; viewport: Viewport; size: Size; canvases: HTMLCanvasElement[] } {
    return { scene: this.scene, viewport: this.viewport, size: this.size, canvases: [this.options.staticCanvas, this.options.interactionCanvas] };
  }

  /** The nodes drawn now, in scene order. */
  drawnNodes(): readonly TopologyNode[] {
    return this.scene.nodes;
  }

  /** Ids highlighted as search matches that are on the map. */
  highlightedIds(): string[] {
    return [...(this.interaction.matchIds ?? [])].filter((id) => this.scene.indexById.has(id));
  }

  /** Ids of the nodes with this name, for tests and benchmarks that know names, not uids. */
  idsNamed(name: string): string[] {
    return this.scene.nodes.filter((node) => node.name === name).map((node) => node.id);
  }

  isLayoutDone(): boolean {
    return this.layoutDone;
  }

  nodeCount(): number {
    return this.scene.nodes.length;
  }

  setInteraction(state: Pick<InteractionState, "selectedId" | "matchIds">): void {
    this.interaction = { ...this.interaction, ...state };
    this.interactionFrame.request();
  }

  resize(size: Size, pixelRatio: number): void {
    this.size = size;
    this.pixelRatio = pixelRatio;
    for (const canvas of [this.options.staticCanvas, this.options.interactionCanvas]) {
      canvas.width = Math.round(size.width * pixelRatio);
      canvas.height = Math.round(size.height * pixelRatio);
    }
    // Until the person moves the camera, the whole graph stays in view as the page around it settles.
    if (this.fittedOnce && !this.userMoved) this.fit();
    this.requestPaint();
  }

  /** Zooms and pans so the whole graph is on screen. */
  fit(): void {
    const bounds = boundsOfPositions(this.scene.positions);
    if (!bounds || this.size.width === 0) return;
    this.fittedOnce = true;
    const target = fitToBounds(bounds, this.size);
    select(this.options.interactionCanvas).call(this.zoomBehavior.transform, zoomIdentity.translate(target.x, target.y).scale(target.k));
  }

  /** A node's position in world units, as last laid out; for centring on a node and for drift checks in e2e tests. */
  positionOf(id: string): { x: number; y: number } | undefined {
    const index = this.scene.indexById.get(id);
    if (index === undefined) return undefined;
    return { x: this.scene.positions[index * 2] ?? 0, y: this.scene.positions[index * 2 + 1] ?? 0 };
  }

  currentViewport(): Viewport {
    return this.viewport;
  }

  destroy(): void {
    this.gesture.dispose();
    this.cancelLayout?.();
    this.layout.dispose();
    this.staticFrame.cancel();
    this.interactionFrame.cancel();
    select(this.options.interactionCanvas).on(".zoom", null);
    this.options.interactionCanvas.removeEventListener("pointermove", this.handlePointerMove);
    this.options.interactionCanvas.removeEventListener("pointerleave", this.handlePointerLeave);
    this.options.interactionCanvas.removeEventListener("click", this.handleClick);
    this.options.interactionCanvas.removeEventListener("keydown", this.handleKeyDown);
  }

  private rebuildScene(): void {
    // The picture holds still under the person's hand; changes and layout steps land when the gesture ends.
    if (this.gesture.active) {
      this.sceneDirty = true;
      return;
    }
    this.sceneDirty = false;
    this.scene = buildScene(this.nodes, this.edges, this.positionIds, this.positions);
    this.hitIndex = undefined;
    this.requestPaint();
  }

  private requestPaint(): void {
    this.staticFrame.request();
    this.interactionFrame.request();
  }

  private paintStatic(): void {
    const ctx = this.options.staticCanvas.getContext("2d");
    if (!ctx) return;
    const started = performance.now();
    if (!this.gesture.placeStaticLayer(this.paintedViewport, this.viewport)) {
      drawScene(ctx, this.scene, this.viewport, this.size, this.pixelRatio);
      this.paintedViewport = this.viewport;
    }
    this.stats.recordPaint(performance.now() - started);
    const placed = this.scene.nodes.length > 0 && this.positionIds.length >= this.scene.nodes.length && this.fittedOnce;
    if (placed) markOnce(topologyMarks.firstCompletePaint);
  }

  private paintInteraction(): void {
    const ctx: TopologyContext | null = this.options.interactionCanvas.getContext("2d");
    if (!ctx) return;
    // Every redraw of a full-size canvas is a full upload for the compositor: not during a big map's gesture.
    const clear = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.options.interactionCanvas.width, this.options.interactionCanvas.height);
    };
    if (this.gesture.holdInteractionLayer(clear)) return;
    drawInteraction(ctx, this.scene, this.viewport, this.size, this.interaction, this.neighboursOf, this.pixelRatio);
  }

  private nodeAtEvent(event: MouseEvent): string | undefined {
    const rect = this.options.interactionCanvas.getBoundingClientRect();
    const world = screenToWorld(this.viewport, { x: event.clientX - rect.left, y: event.clientY - rect.top });
    this.hitIndex ??= createHitIndex(this.scene);
    return this.hitIndex.nodeAt(world.x, world.y, HIT_TOLERANCE_PX / this.viewport.k);
  }

  private readonly handlePointerMove = (event: PointerEvent) => {
    if (!this.gesture.active) this.setHovered(this.nodeAtEvent(event));
  };
  private readonly handlePointerLeave = () => this.setHovered(undefined);
  private readonly handleClick = (event: MouseEvent) => this.options.onSelect?.(this.nodeAtEvent(event));

  // Arrow keys walk the map, Enter opens the details, Escape closes them.
  private readonly handleKeyDown = (event: KeyboardEvent) => {
    const direction = arrowDirections[event.key];
    if (direction) {
      event.preventDefault();
      const from = this.interaction.focusedId ?? this.interaction.selectedId;
      const next = from && this.scene.indexById.has(from) ? (nodeInDirection(this.scene, from, direction) ?? from) : nodeNearestCentre(this.scene, this.viewport, this.size);
      if (next) this.focusNode(next);
    } else if ((event.key === "Enter" || event.key === " ") && this.interaction.focusedId) {
      event.preventDefault();
      this.options.onSelect?.(this.interaction.focusedId);
    } else if (event.key === "Escape") {
      this.options.onSelect?.(undefined);
    }
  };

  private focusNode(id: string): void {
    this.interaction = { ...this.interaction, focusedId: id };
    const point = this.positionOf(id);
    const screen = point && { x: point.x * this.viewport.k + this.viewport.x, y: point.y * this.viewport.k + this.viewport.y };
    // Keep the focused node on screen: pan only when it would leave it.
    if (screen && (screen.x < 40 || screen.y < 40 || screen.x > this.size.width - 40 || screen.y > this.size.height - 40)) this.centreOn(id);
    this.options.onHover?.(id);
    this.interactionFrame.request();
  }

  private setHovered(id: string | undefined): void {
    if (id === this.interaction.hoveredId) return;
    this.interaction = { ...this.interaction, hoveredId: id };
    this.options.interactionCanvas.style.cursor = id ? "pointer" : "";
    this.options.onHover?.(id);
    this.interactionFrame.request();
  }
}

// Same node ids and edge ends in the same order: the layout's input is unchanged.
function sameStructure(
  oldNodes: readonly TopologyNode[],
  oldEdges: readonly TopologyEdge[],
  nodes: readonly TopologyNode[],
  edges: readonly TopologyEdge[],
): boolean {
  if (oldNodes.length !== nodes.length || oldEdges.length !== edges.length || nodes.length === 0) return false;
  if (nodes.some((node, index) => oldNodes[index]?.id !== node.id)) return false;
  return edges.every((edge, index) => oldEdges[index]?.source === edge.source && oldEdges[index]?.target === edge.target);
}

const sameViewport = (a: Viewport | undefined, b: Viewport) => a !== undefined && a.x === b.x && a.y === b.y && a.k === b.k;
