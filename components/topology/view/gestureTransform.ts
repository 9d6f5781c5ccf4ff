import type { Viewport } from "../render/viewport";

/** Maps below this many nodes repaint in full on every frame; above it the software rasteriser cannot keep 30 fps. */
export const GESTURE_TRANSFORM_MIN_NODES = 2000;

/**
 * The CSS transform that moves a picture drawn under `painted` to where it belongs under `now`.
 * While the person pans or zooms a big map the browser's compositor moves the last picture this way,
 * at no drawing cost; the full drawing comes back when the gesture ends.
 */
export function gestureTransform(painted: Viewport, now: Viewport): string {
  // A point at screen p under `painted` is at world (p - painted.x) / painted.k, hence at p * s + (now.x - painted.x * s).
  const s = now.k / painted.k;
  const tx = now.x - painted.x * s;
  const ty = now.y - painted.y * s;
  return `matrix(${round(s)}, 0, 0, ${round(s)}, ${round(tx)}, ${round(ty)})`;
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;
