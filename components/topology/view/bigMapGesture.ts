import type { Viewport } from "../render/viewport";
import { GESTURE_TRANSFORM_MIN_NODES, gestureTransform } from "./gestureTransform";

/** How long after a pan or zoom held updates wait, so the repaint and the update do not share a frame. */
export const RELEASE_DELAY_MS = 120;

/**
 * A pan or zoom on a big map: the compositor moves the last full picture (a CSS transform) instead of
 * 12,000 shapes being redrawn per frame, the interaction layer is cleared once, and updates are held
 * (`onHeldChange`) until a moment after the gesture ends.
 */
export class BigMapGesture {
  active = false;
  private interactionCleared = false;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly staticCanvas: HTMLCanvasElement,
    private readonly onHeldChange?: (held: boolean) => void,
  ) {}

  /** Starts a gesture when the map is big enough and a full picture exists to move; true when it did. */
  begin(nodeCount: number, painted: Viewport | undefined): boolean {
    if (nodeCount < GESTURE_TRANSFORM_MIN_NODES || !painted) return false;
    this.active = true;
    this.interactionCleared = false;
    this.staticCanvas.style.transformOrigin = "0 0";
    // Still held from a gesture that just ended: nothing to tell.
    if (this.releaseTimer !== undefined) clearTimeout(this.releaseTimer);
    else this.onHeldChange?.(true);
    this.releaseTimer = undefined;
    return true;
  }

  /** Ends the gesture; false when none was under way. */
  end(): boolean {
    if (!this.active) return false;
    this.active = false;
    this.releaseTimer = setTimeout(() => {
      this.releaseTimer = undefined;
      this.onHeldChange?.(false);
    }, RELEASE_DELAY_MS);
    return true;
  }

  /** During a gesture: moves the static picture drawn under `painted` to `now`. Otherwise clears any move. */
  placeStaticLayer(painted: Viewport | undefined, now: Viewport): boolean {
    if (this.active && painted) {
      this.staticCanvas.style.transform = gestureTransform(painted, now);
      return true;
    }
    this.staticCanvas.style.transform = "";
    return false;
  }

  /** During a gesture the interaction layer is cleared the first time and left alone after; true when it was handled. */
  holdInteractionLayer(clear: () => void): boolean {
    if (!this.active) return false;
    if (!this.interactionCleared) clear();
    this.interactionCleared = true;
    return true;
  }

  dispose(): void {
    clearTimeout(this.releaseTimer);
  }
}
