import { toTimestamp } from "../clock";
import type { SimContext } from "../context";
import type { Node, Taint } from "../objects/types";
import { unitHash } from "../random";
import type { Controller } from "../runner";
import { renewNodeLease } from "../nodeLease";
import { TimerQueue } from "../timerQueue";

export const UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";

/** How often each kubelet reports node status: rarer in big clusters so heartbeats stay a few writes per second. */
export function heartbeatInterval(nodeCount: number): number {
  return Math.min(300_000, Math.max(40_000, nodeCount * 200));
}

/** Node status heartbeats (staggered per node) and the unschedulable taint that follows a cordon. */
export class NodeLifecycleController implements Controller {
  readonly name = "node-lifecycle";
  private readonly timers = new TimerQueue();

  constructor(private readonly ctx: SimContext) {
    const { nodes } = ctx.informers;
    const now = ctx.clock.now();
    const interval = heartbeatInterval(nodes.size);
    for (const node of nodes.values()) this.timers.schedule(`/${node.metadata.name}`, now + interval * unitHash(node.metadata.name, "heartbeat"));
    nodes.onChange((type, node) => {
      if (type === "DELETED") this.timers.cancel(`/${node.metadata.name}`);
      else if (this.taintOutOfDate(node as Node)) ctx.runner.enqueue(this.name, `/${node.metadata.name}`);
      if (type === "ADDED") this.timers.schedule(`/${node.metadata.name}`, ctx.clock.now() + heartbeatInterval(nodes.size));
    });
  }

  tick(now: number): void {
    for (const key of this.timers.popDue(now)) {
      this.heartbeat(key.slice(1), now);
      this.timers.schedule(key, now + heartbeatInterval(this.ctx.informers.nodes.size));
    }
  }

  sync(key: string): void {
    const node = this.ctx.informers.nodes.get(undefined, key.slice(1)) as Node | undefined;
    if (!node || !this.taintOutOfDate(node)) return;
    const now = this.ctx.clock.now();
    this.ctx.store.mutate("nodes", undefined, node.metadata.name, (draft) => {
      const spec = (draft as Node).spec;
      const others = (spec.taints ?? []).filter((t) => t.key !== UNSCHEDULABLE_TAINT);
      const taints: Taint[] = spec.unschedulable ? [...others, { key: UNSCHEDULABLE_TAINT, effect: "NoSchedule", timeAdded: toTimestamp(now) }] : others;
      if (taints.length > 0) spec.taints = taints;
      else delete spec.taints;
    });
  }

  private taintOutOfDate(node: Node): boolean {
    const tainted = (node.spec?.taints ?? []).some((t) => t.key === UNSCHEDULABLE_TAINT);
    return tainted !== Boolean(node.spec?.unschedulable);
  }

  private heartbeat(name: string, now: number): void {
    const node = this.ctx.informers.nodes.get(undefined, name);
    if (!node) return;
    this.ctx.store.mutate("nodes", undefined, name, (draft) => {
      for (const condition of (draft as Node).status.conditions ?? []) condition.lastHeartbeatTime = toTimestamp(now);
    });
    renewNodeLease(this.ctx.store, node, now);
  }
}
