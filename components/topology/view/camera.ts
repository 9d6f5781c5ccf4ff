import { select } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";
import { boundsOfPositions, fitToBounds, MAX_SCALE, MIN_SCALE, type Size, type Viewport } from "../render/viewport";

export interface CameraEvents {
  /** The viewport changed (any cause): the map needs a repaint. */
  onMove(): void;
  /** A zoom or pan began; `byPerson` is false for programmatic moves such as fitting. */
  onGestureStart(byPerson: boolean): void;
  /** It ended; called before a person's move is reported. */
  onGestureEnd(): void;
  /** The person finished a zoom or pan (programmatic moves are not reported). */
  onViewportChange?: (viewport: Viewport) => void;
}

/** The map's camera: d3-zoom on the interaction canvas, fitting, and whether the person has taken over. */
export class Camera {
  viewport: Viewport = { x: 0, y: 0, k: 1 };
  /** The person zoomed or panned (or a link set the view): automatic fitting stops. */
  userMoved = false;
  fittedOnce = false;
  private gestureStart: Viewport | undefined;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    events: CameraEvents,
  ) {
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .on("zoom", (event: { transform: Viewport; sourceEvent: unknown }) => {
        if (event.sourceEvent) this.userMoved = true;
        this.viewport = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
        events.onMove();
      })
      .on("start", (event: { sourceEvent: unknown }) => {
        this.gestureStart = this.viewport;
        events.onGestureStart(Boolean(event.sourceEvent));
      })
      .on("end", (event: { sourceEvent: unknown }) => {
        events.onGestureEnd();
        // A plain click also makes a zoom gesture: report only real moves.
        if (!event.sourceEvent || sameViewport(this.gestureStart, this.viewport)) return;
        events.onViewportChange?.(this.viewport);
      });
    select(canvas).call(this.zoomBehavior);
  }

  /** Moves the camera; a link's zoom is applied this way. */
  moveTo(viewport: Viewport): void {
    this.fittedOnce = true;
    select(this.canvas).call(this.zoomBehavior.transform, zoomIdentity.translate(viewport.x, viewport.y).scale(viewport.k));
  }

  /** Zooms and pans so every position is on screen; nothing to do before there are positions and a size. */
  fit(positions: Float32Array, size: Size): void {
    const bounds = boundsOfPositions(positions);
    if (!bounds || size.width === 0) return;
    this.moveTo(fitToBounds(bounds, size));
  }

  /** Pans so the world point is in the middle of the screen, keeping the zoom. */
  centreOn(point: { x: number; y: number }, size: Size): void {
    const k = this.viewport.k;
    this.moveTo({ x: size.width / 2 - point.x * k, y: size.height / 2 - point.y * k, k });
  }

  /** Where a world point is on screen, in CSS pixels relative to the canvas. */
  toScreen(point: { x: number; y: number }): { x: number; y: number } {
    return { x: point.x * this.viewport.k + this.viewport.x, y: point.y * this.viewport.k + this.viewport.y };
  }

  detach(): void {
    select(this.canvas).on(".zoom", null);
  }
}

const sameViewport = (a: Viewport | undefined, b: Viewport) => a !== undefined && a.x === b.x && a.y === b.y && a.k === b.k;
