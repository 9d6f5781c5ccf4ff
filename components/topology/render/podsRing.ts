import type { TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import type { TopologyContext } from "./canvasContext";
import { positionOf, type Scene } from "./scene";
import { traceShape } from "./shapes";
import { radiusOf, shapeOf, STATUS_COLOURS } from "./style";

/** World units between a host's or namespace's outline and the ring around it. */
export const RING_GAP = 2;
export const RING_WIDTH = 2;

/** The worst status of the pods on a host or in a namespace, which the ring shows; undefined for other nodes and for none. */
export function podsRingStatusOf(node: TopologyNode): TopologyStatus | undefined {
  if ((node.kind !== "Node" && node.kind !== "Namespace") || !node.group || node.group.count === 0) return undefined;
  return node.group.worst;
}

/** Rings around hosts and namespaces in their pods' worst colour, apart from the node's own fill; one stroke per colour. */
export function drawPodsRings(ctx: TopologyContext, scene: Scene, indices: readonly number[], scale: number): number {
  const byColour = new Map<string, number[]>();
  for (const index of indices) {
    const status = scene.nodes[index] && podsRingStatusOf(scene.nodes[index]);
    if (!status) continue;
    const colour = STATUS_COLOURS[status];
    byColour.set(colour, [...(byColour.get(colour) ?? []), index]);
  }
  let drawn = 0;
  for (const [colour, group] of byColour) {
    ctx.beginPath();
    for (const index of group) {
      const node = scene.nodes[index]!;
      const { x, y } = positionOf(scene, index);
      traceShape(ctx, shapeOf(node.kind), x, y, radiusOf(node) + RING_GAP + RING_WIDTH / 2);
      drawn++;
    }
    ctx.strokeStyle = colour;
    // At least one screen pixel wide, so the ring stays visible when zoomed out.
    ctx.lineWidth = Math.max(RING_WIDTH, 1 / scale);
    ctx.stroke();
  }
  return drawn;
}
