import { positionOf, type Scene } from "../render/scene";
import { screenToWorld, type Size, type Viewport } from "../render/viewport";

export type Direction = "left" | "right" | "up" | "down";

const unit: Record<Direction, { x: number; y: number }> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

// Sideways distance counts double, so the arrow picks what lies ahead rather than what is merely close.
const SIDEWAYS_WEIGHT = 2;

/** The node the arrow key should move to: the closest one ahead in that direction (within 45° either side). */
export function nodeInDirection(scene: Scene, fromId: string, direction: Direction): string | undefined {
  const from = scene.indexById.get(fromId);
  if (from === undefined) return undefined;
  const origin = positionOf(scene, from);
  const { x: ux, y: uy } = unit[direction];
  let best: { index: number; cost: number } | undefined;
  for (let index = 0; index < scene.nodes.length; index++) {
    if (index === from) continue;
    const dx = (scene.positions[index * 2] ?? 0) - origin.x;
    const dy = (scene.positions[index * 2 + 1] ?? 0) - origin.y;
    const ahead = dx * ux + dy * uy;
    const sideways = Math.abs(dx * uy - dy * ux);
    if (ahead <= 0 || sideways > ahead) continue;
    const cost = ahead + SIDEWAYS_WEIGHT * sideways;
    if (!best || cost < best.cost) best = { index, cost };
  }
  return best === undefined ? undefined : scene.nodes[best.index]?.id;
}

/** Where keyboard focus starts: the node nearest the middle of the screen. */
export function nodeNearestCentre(scene: Scene, viewport: Viewport, size: Size): string | undefined {
  const centre = screenToWorld(viewport, { x: size.width / 2, y: size.height / 2 });
  let best: { index: number; distance: number } | undefined;
  for (let index = 0; index < scene.nodes.length; index++) {
    const distance = Math.hypot((scene.positions[index * 2] ?? 0) - centre.x, (scene.positions[index * 2 + 1] ?? 0) - centre.y);
    if (!best || distance < best.distance) best = { index, distance };
  }
  return best === undefined ? undefined : scene.nodes[best.index]?.id;
}

export const arrowDirections: Readonly<Record<string, Direction>> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
