import { quadtree, type Quadtree } from "d3-quadtree";
import type { Scene } from "./scene";
import { radiusOf } from "./style";

export interface HitIndex {
  /** The node whose shape, grown by `tolerance` world units, holds the point; the nearest centre wins. */
  nodeAt(x: number, y: number, tolerance: number): string | undefined;
}

/** Indexes scene positions in a quadtree; rebuild after each layout batch (O(n log n)). */
export function createHitIndex(scene: Scene): HitIndex {
  const indices = scene.nodes.map((_, index) => index);
  const tree: Quadtree<number> = quadtree(
    indices,
    (index) => scene.positions[index * 2] ?? 0,
    (index) => scene.positions[index * 2 + 1] ?? 0,
  );
  const largestRadius = scene.nodes.reduce((largest, node) => Math.max(largest, radiusOf(node)), 0);
  return {
    nodeAt(x, y, tolerance) {
      const index = tree.find(x, y, largestRadius + tolerance);
      const node = index === undefined ? undefined : scene.nodes[index];
      if (index === undefined || !node) return undefined;
      const distance = Math.hypot((scene.positions[index * 2] ?? 0) - x, (scene.positions[index * 2 + 1] ?? 0) - y);
      return distance <= radiusOf(node) + tolerance ? node.id : undefined;
    },
  };
}
