/** Screen = world × k + (x, y); the same shape as d3-zoom's ZoomTransform, so one can be passed as the other. */
export interface Viewport { x: number; y: number; k: number }
export interface Point { x: number; y: number }
export interface Size { width: number; height: number }
export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 8;
export const IDENTITY_VIEWPORT: Viewport = { x: 0, y: 0, k: 1 };

export function worldToScreen(viewport: Viewport, point: Point): Point {
  return { x: point.x * viewport.k + viewport.x, y: point.y * viewport.k + viewport.y };
}

export function screenToWorld(viewport: Viewport, point: Point): Point {
  return { x: (point.x - viewport.x) / viewport.k, y: (point.y - viewport.y) / viewport.k };
}

export function clampScale(k: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
}

/** Zooms by `factor` keeping the world point under `anchor` (screen) where it is, as a wheel zoom should. */
export function zoomAt(viewport: Viewport, anchor: Point, factor: number): Viewport {
  const k = clampScale(viewport.k * factor);
  const world = screenToWorld(viewport, anchor);
  return { k, x: anchor.x - world.x * k, y: anchor.y - world.y * k };
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { k: viewport.k, x: viewport.x + dx, y: viewport.y + dy };
}

/** The world rectangle on screen, grown by `marginPx` screen pixels so shapes cut by the edge still draw. */
export function visibleWorldBounds(viewport: Viewport, size: Size, marginPx = 0): Bounds {
  const topLeft = screenToWorld(viewport, { x: -marginPx, y: -marginPx });
  const bottomRight = screenToWorld(viewport, { x: size.width + marginPx, y: size.height + marginPx });
  return { minX: topLeft.x, minY: topLeft.y, maxX: bottomRight.x, maxY: bottomRight.y };
}

/** Bounds of interleaved x,y positions; undefined when there are none. */
export function boundsOfPositions(positions: Float32Array): Bounds | undefined {
  if (positions.length < 2) return undefined;
  const bounds: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i + 1 < positions.length; i += 2) {
    const x = positions[i] ?? 0;
    const y = positions[i + 1] ?? 0;
    bounds.minX = Math.min(bounds.minX, x);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxY = Math.max(bounds.maxY, y);
  }
  return bounds;
}

/** The viewport that shows `bounds` whole and centred, leaving `paddingPx` on every side. */
export function fitToBounds(bounds: Bounds, size: Size, paddingPx = 24, maxScale = 2): Viewport {
  const usableWidth = Math.max(1, size.width - 2 * paddingPx);
  const usableHeight = Math.max(1, size.height - 2 * paddingPx);
  const worldWidth = Math.max(bounds.maxX - bounds.minX, 1e-6);
  const worldHeight = Math.max(bounds.maxY - bounds.minY, 1e-6);
  const k = clampScale(Math.min(usableWidth / worldWidth, usableHeight / worldHeight, maxScale));
  const centreX = (bounds.minX + bounds.maxX) / 2;
  const centreY = (bounds.minY + bounds.maxY) / 2;
  return { k, x: size.width / 2 - centreX * k, y: size.height / 2 - centreY * k };
}

export function containsPoint(bounds: Bounds, x: number, y: number): boolean {
  return x >= bounds.minX && x <= bounds.maxX && y >= bounds.minY && y <= bounds.maxY;
}
