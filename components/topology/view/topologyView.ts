import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import { createLayoutClient, type CancelLayout, type LayoutClient, type LayoutPort } from "../layout/layoutClient";
import type { TopologyContext } from "../render/canvasContext";
import { drawInteraction, type InteractionState } from "../render/drawInteraction";
import { drawScene } from "../render/drawScene";
import type { PlacedLabel } from "../render/labelLayout";
import { LABEL_PALETTES, type ColourScheme, type LabelPalette } from "../render/style";
import { createHitIndex, type HitIndex } from "../render/hitTest";
import { buildScene, type Scene } from "../render/scene";
import { screenToWorld, type Size, type Viewport } from "../render/viewport";
import { BigMapGesture } from "./bigMapGesture";
import { Camera } from "./camera";
import { FirstPaintWatch } from "./firstPaintWatch";
import { createFrameScheduler, type FrameScheduler } from "./frameScheduler";
import { sameStructure } from "./graphStructure";
import { attachMapInput } from "./mapInput";
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

/** Owns the two canvases, the layout worker and the camera; React only feeds it props (see TopologyCanvas). */
export class TopologyView {
  private readonly layout: LayoutClient;
  private readonly staticFrame: FrameScheduler;
  private readonly interactionFrame: FrameScheduler;
  private readonly camera: Camera;
  private readonly detachInput: () => void;
  private nodes: readonly TopologyNode[] = [];
  private edges: readonly TopologyEdge[] = [];
  private neighboursOf: (id: string) => Iterable<string> = () => [];
  private positionIds: readonly string[] = [];
  private positions: Float32Array = new Float32Array(0);
  private scene: Scene = buildScene([], [], [], new Float32Array(0));
  private hitIndex: HitIndex | undefined;
  private cancelLayout: CancelLayout | undefined;
  private size: Size = { width: 0, height: 0 };
  private pixelRatio = 1;
  private interaction: InteractionState = {};
  private layoutDone = false;
  private firstLayoutSettled = false;
  private readonly gesture: BigMapGesture;
  private paintedViewport: Viewport | undefined;
  private sceneDirty = false;
  /** Label colours in the page's scheme, and the labels as last painted (CSS pixels): read by the e2e handle. */
  labelPalette: LabelPalette = LABEL_PALETTES.light;
  placedLabels: readonly PlacedLabel[] = [];
  /** Screen pixels at the bottom of the canvas that fitting leaves free (the legend sits there). */
  private bottomReserve = 0;
  readonly stats = new PaintStats();
  /** First paints of watched nodes at their laid-out positions (window.__orreryTopology, for the benchmark). */
  readonly firstPaints = new FirstPaintWatch();

  constructor(private readonly options: TopologyViewOptions) {
    this.layout = createLayoutClient(options.openLayoutPort);
    this.gesture = new BigMapGesture(options.staticCanvas, (held) => options.onGestureChange?.(held));
    this.staticFrame = createFrameScheduler(() => this.paintStatic());
    this.interactionFrame = createFrameScheduler(() => this.paintInteraction());
    this.camera = new Camera(options.interactionCanvas, {
      onMove: () => this.requestPaint(),
      onGestureStart: (byPerson) => {
        if (byPerson) this.gesture.begin(this.scene.nodes.length, this.paintedViewport);
      },
      onGestureEnd: () => {
        // The picture comes back in full, with what changed meanwhile.
        if (!this.gesture.end()) return;
        if (this.sceneDirty) this.rebuildScene();
        else this.requestPaint();
      },
      onViewportChange: options.onViewportChange,
    });
    if (options.initialViewport) {
      this.camera.userMoved = true;
      this.camera.moveTo(options.initialViewport);
    }
    this.detachInput = attachMapInput(options.interactionCanvas, {
      scene: () => this.scene,
      viewport: () => this.camera.viewport,
      size: () => this.size,
      interaction: () => this.interaction,
      setInteraction: (state) => {
        this.interaction = state;
        this.interactionFrame.request();
      },
      nodeAtEvent: (event) => this.nodeAtEvent(event),
      gestureActive: () => this.gesture.active,
      screenPositionOf: (id) => this.screenPositionOf(id),
      centreOn: (id) => this.centreOn(id),
      onSelect: options.onSelect,
      onHover: options.onHover,
    });
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
      { nodes: nodes.map((node) => ({ id: node.id })), edges: edges.map((edge) => ({ source: edge.source, target: edge.target })), previous: { ids: this.positionIds, positions: this.positions }, aspect: this.fitArea().width / Math.max(1, this.fitArea().height) },
      (update) => {
        this.positionIds = update.ids;
        this.positions = update.positions;
        this.layoutDone = update.done;
        this.rebuildScene();
        // Fit as soon as everything is placed, and once more when the first layout settles unless the person moved the view;
        // never afterwards, so a change in the cluster never moves the camera.
        if (!this.camera.fittedOnce || (update.done && !this.firstLayoutSettled && !this.camera.userMoved)) this.fit();
        if (update.done) this.firstLayoutSettled = true;
        if (update.done && this.nodes.length > 0) markOnce(topologyMarks.settled);
      },
    );
  }

  /** Moves the camera; a link's zoom is applied this way. */
  setViewport(viewport: Viewport): void {
    this.camera.moveTo(viewport);
  }

  /** Pans so the node is in the middle of the screen, keeping the zoom. */
  centreOn(id: string): void {
    const point = this.positionOf(id);
    if (point && this.size.width > 0) this.camera.centreOn(point, this.size);
  }

  /** What an export needs: the scene as drawn, the camera, and both canvases. */
  snapshotForExport(): { scene: Scene; viewport: Viewport; size: Size; canvases: HTMLCanvasElement[] } {
    return { scene: this.scene, viewport: this.camera.viewport, size: this.size, canvases: [this.options.staticCanvas, this.options.interactionCanvas] };
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
    if (this.camera.fittedOnce && !this.camera.userMoved) this.fit();
    this.requestPaint();
  }

  /** Zooms and pans so the whole graph is on screen, above the reserved strip. */
  fit(): void {
    this.camera.fit(this.scene.positions, this.fitArea());
  }

  /** Labels and their halo in the page's colour scheme. */
  setColourScheme(scheme: ColourScheme): void {
    if (this.labelPalette === LABEL_PALETTES[scheme]) return;
    this.labelPalette = LABEL_PALETTES[scheme];
    this.requestPaint();
  }

  /** Keeps `heightPx` at the bottom free in later fits (the legend's height); no refit now, so the legend growing moves nothing. */
  reserveBottom(heightPx: number): void {
    this.bottomReserve = heightPx;
  }

  private fitArea(): Size {
    return { width: this.size.width, height: Math.max(this.size.height / 2, this.size.height - this.bottomReserve) };
  }

  /** A node's position in world units, as last laid out; for centring on a node and for drift checks in e2e tests. */
  positionOf(id: string): { x: number; y: number } | undefined {
    const index = this.scene.indexById.get(id);
    if (index === undefined) return undefined;
    return { x: this.scene.positions[index * 2] ?? 0, y: this.scene.positions[index * 2 + 1] ?? 0 };
  }

  /** Position in CSS pixels relative to the canvas, where a click would land. */
  screenPositionOf(id: string): { x: number; y: number } | undefined {
    const point = this.positionOf(id);
    return point && this.camera.toScreen(point);
  }

  currentViewport(): Viewport {
    return this.camera.viewport;
  }

  destroy(): void {
    this.gesture.dispose();
    this.cancelLayout?.();
    this.layout.dispose();
    this.staticFrame.cancel();
    this.interactionFrame.cancel();
    this.camera.detach();
    this.detachInput();
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
    const viewport = this.camera.viewport;
    const drew = !this.gesture.placeStaticLayer(this.paintedViewport, viewport);
    if (drew) {
      this.placedLabels = drawScene(ctx, this.scene, viewport, this.size, this.pixelRatio, this.labelPalette).labels;
      this.paintedViewport = viewport;
    }
    this.stats.recordPaint(performance.now() - started);
    const placed = this.scene.nodes.length > 0 && this.positionIds.length >= this.scene.nodes.length && this.camera.fittedOnce;
    if (placed) markOnce(topologyMarks.firstCompletePaint);
    if (drew) this.firstPaints.notePaint(this.scene, { laidOut: (id) => this.positionIds.includes(id), onScreen: (index) => this.isOnScreen(index) }, Date.now());
  }

  private isOnScreen(index: number): boolean {
    const point = this.camera.toScreen({ x: this.scene.positions[index * 2] ?? 0, y: this.scene.positions[index * 2 + 1] ?? 0 });
    return point.x >= 0 && point.y >= 0 && point.x <= this.size.width && point.y <= this.size.height;
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
    drawInteraction(ctx, this.scene, this.camera.viewport, this.size, this.interaction, this.neighboursOf, this.pixelRatio, this.labelPalette);
  }

  private nodeAtEvent(event: MouseEvent): string | undefined {
    const rect = this.options.interactionCanvas.getBoundingClientRect();
    const viewport = this.camera.viewport;
    const world = screenToWorld(viewport, { x: event.clientX - rect.left, y: event.clientY - rect.top });
    this.hitIndex ??= createHitIndex(this.scene);
    return this.hitIndex.nodeAt(world.x, world.y, HIT_TOLERANCE_PX / viewport.k);
  }
}
