import type { Scene } from "../render/scene";

/** What a static paint tells the watch about one scene node. */
export interface PaintedNode {
  /** The layout worker has placed it (it is not waiting at 0,0 for its first position). */
  laidOut(id: string): boolean;
  /** Its laid-out position is inside the canvas. */
  onScreen(index: number): boolean;
}

/**
 * For a benchmark's cluster change → screen figure: the wall-clock time of the first static paint that
 * draws a watched node at a position from the layout, on screen. A node joining the scene is not yet that.
 */
export class FirstPaintWatch {
  private readonly pending = new Set<string>();
  private readonly paintedAt = new Map<string, number>();

  /** Starts watching for a node with this name (names, since a benchmark does not know uids in advance). */
  watch(name: string): void {
    if (!this.paintedAt.has(name)) this.pending.add(name);
  }

  /** Date.now() of that paint, or undefined until it happened. */
  paintedAtOf(name: string): number | undefined {
    return this.paintedAt.get(name);
  }

  /** Called after each static paint that drew the scene (not one that only moved the last picture). */
  notePaint(scene: Scene, painted: PaintedNode, now: number): void {
    if (this.pending.size === 0) return;
    scene.nodes.forEach((node, index) => {
      if (!this.pending.has(node.name) || !painted.laidOut(node.id) || !painted.onScreen(index)) return;
      this.pending.delete(node.name);
      this.paintedAt.set(node.name, now);
    });
  }
}
