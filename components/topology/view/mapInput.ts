import type { InteractionState } from "../render/drawInteraction";
import type { Scene } from "../render/scene";
import type { Size, Viewport } from "../render/viewport";
import { arrowDirections, nodeInDirection, nodeNearestCentre } from "./keyboardNavigation";

/** What pointer and keyboard input reads from and does to the map. */
export interface MapInputHost {
  scene(): Scene;
  viewport(): Viewport;
  size(): Size;
  interaction(): InteractionState;
  setInteraction(state: InteractionState): void;
  /** The node under a pointer event, if any. */
  nodeAtEvent(event: MouseEvent): string | undefined;
  /** A big map's gesture is under way: hover waits. */
  gestureActive(): boolean;
  /** Where a node is on screen (CSS pixels), if it is on the map. */
  screenPositionOf(id: string): { x: number; y: number } | undefined;
  centreOn(id: string): void;
  onSelect?: (id: string | undefined) => void;
  onHover?: (id: string | undefined) => void;
}

/** Keeps a focused node this far inside the canvas edge, in CSS pixels. */
const FOCUS_MARGIN_PX = 40;

/** Hover, click and arrow-key walking on the interaction canvas; returns the function that removes its listeners. */
export function attachMapInput(canvas: HTMLCanvasElement, host: MapInputHost): () => void {
  const setHovered = (id: string | undefined) => {
    if (id === host.interaction().hoveredId) return;
    host.setInteraction({ ...host.interaction(), hoveredId: id });
    canvas.style.cursor = id ? "pointer" : "";
    host.onHover?.(id);
  };

  const focusNode = (id: string) => {
    host.setInteraction({ ...host.interaction(), focusedId: id });
    const screen = host.screenPositionOf(id);
    const { width, height } = host.size();
    // Keep the focused node on screen: pan only when it would leave it.
    if (screen && (screen.x < FOCUS_MARGIN_PX || screen.y < FOCUS_MARGIN_PX || screen.x > width - FOCUS_MARGIN_PX || screen.y > height - FOCUS_MARGIN_PX)) host.centreOn(id);
    host.onHover?.(id);
  };

  const handlePointerMove = (event: PointerEvent) => {
    if (!host.gestureActive()) setHovered(host.nodeAtEvent(event));
  };
  const handlePointerLeave = () => setHovered(undefined);
  const handleClick = (event: MouseEvent) => host.onSelect?.(host.nodeAtEvent(event));

  // Arrow keys walk the map, Enter opens the details, Escape closes them.
  const handleKeyDown = (event: KeyboardEvent) => {
    const direction = arrowDirections[event.key];
    const { focusedId, selectedId } = host.interaction();
    const scene = host.scene();
    if (direction) {
      event.preventDefault();
      const from = focusedId ?? selectedId;
      const next = from && scene.indexById.has(from) ? (nodeInDirection(scene, from, direction) ?? from) : nodeNearestCentre(scene, host.viewport(), host.size());
      if (next) focusNode(next);
    } else if ((event.key === "Enter" || event.key === " ") && focusedId) {
      event.preventDefault();
      host.onSelect?.(focusedId);
    } else if (event.key === "Escape") {
      host.onSelect?.(undefined);
    }
  };

  canvas.addEventListener("pointermove", handlePointerMove);
  canvas.addEventListener("pointerleave", handlePointerLeave);
  canvas.addEventListener("click", handleClick);
  canvas.addEventListener("keydown", handleKeyDown);
  return () => {
    canvas.removeEventListener("pointermove", handlePointerMove);
    canvas.removeEventListener("pointerleave", handlePointerLeave);
    canvas.removeEventListener("click", handleClick);
    canvas.removeEventListener("keydown", handleKeyDown);
  };
}
