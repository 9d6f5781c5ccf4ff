import type { Node, Pod } from "../objects/types";
import { allocatableOf, misfitReason, podRequests, type Resources } from "./nodeFit";
import type { NodeUsage } from "./nodeUsage";

export interface Placement {
  node?: Node;
  /** Why nodes were rejected: reason → number of nodes. */
  failures: Map<string, number>;
}

/** How full the node would be with the pod on it (the larger of its cpu, memory and pod-slot fractions). */
function fullness(need: Resources, node: Node, usage: NodeUsage): number {
  const have = allocatableOf(node);
  const used = usage.get(node.metadata.name) ?? { cpu: 0, memory: 0, pods: 0 };
  const fraction = (u: number, n: number, h: number) => (h > 0 ? (u + n) / h : 1);
  return Math.max(fraction(used.cpu, need.cpu, have.cpu), fraction(used.memory, need.memory, have.memory), fraction(used.pods, 1, have.pods));
}

/**
 * Filters nodes and picks the least allocated of the first `sample` that fit, starting at `start`
 * and wrapping around (like the real scheduler, which scores only a share of nodes in big clusters).
 */
export function chooseNode(pod: Pod, nodes: readonly Node[], usage: NodeUsage, start: number, sample = 16): Placement {
  const failures = new Map<string, number>();
  let best: Node | undefined;
  let bestScore = Infinity;
  let feasible = 0;
  const need = podRequests(pod);
  for (let i = 0; i < nodes.length && feasible < sample; i++) {
    const node = nodes[(start + i) % nodes.length]!;
    const reason = misfitReason(pod, node, usage.get(node.metadata.name), need);
    if (reason) {
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
      continue;
    }
    feasible++;
    const score = fullness(need, node, usage);
    if (score < bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return { node: best, failures };
}

/** The FailedScheduling message, in the scheduler's format. */
export function unschedulableMessage(nodeCount: number, failures: Map<string, number>): string {
  const parts = [...failures.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([reason, count]) => `${count} ${reason}`);
  const detail = parts.length > 0 ? ` ${parts.join(", ")}.` : "";
  return `0/${nodeCount} nodes are available:${detail} preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`;
}
