import type { KubeObject } from "@/server/kube/types";
import type { SimContext } from "../context";
import { setCondition } from "../kubelet/podPhase";
import { keyOf } from "../objects/meta";
import type { Node, Pod } from "../objects/types";
import type { Controller } from "../runner";
import { chooseNode, unschedulableMessage } from "./chooseNode";
import { NodeUsage } from "./nodeUsage";

const source = { component: "default-scheduler" };
const retryUnschedulableMs = 30_000;

function wantsScheduling(pod: KubeObject): boolean {
  const p = pod as Pod;
  const scheduler = p.spec?.schedulerName;
  const phase = p.status?.phase;
  return !p.spec?.nodeName && !p.metadata.deletionTimestamp && (!scheduler || scheduler === "default-scheduler") && phase !== "Succeeded" && phase !== "Failed";
}

/** Binds pending pods to nodes: filters by cordon, taints, selectors and requested resources, prefers the emptiest. */
export class Scheduler implements Controller {
  readonly name = "scheduler";
  readonly usage = new NodeUsage();
  /** Pods that fit nowhere → when their last FailedScheduling event was recorded. */
  private readonly unschedulable = new Map<string, number>();
  private nodeList: Node[] | undefined;
  private cursor = 0;
  private lastRetry = 0;

  constructor(private readonly ctx: SimContext) {
    const { pods, nodes } = ctx.informers;
    for (const pod of pods.values()) this.usage.update(undefined, pod);
    pods.onChange((type, pod, previous) => {
      this.usage.update(previous, type === "DELETED" ? undefined : pod);
      if (type !== "DELETED" && wantsScheduling(pod)) ctx.runner.enqueue(this.name, keyOf(pod));
      // A pod that left frees room: give the waiting ones another try.
      if (type === "DELETED" && this.unschedulable.size > 0) this.retryUnschedulable();
    });
    nodes.onChange(() => {
      this.nodeList = undefined;
      this.retryUnschedulable();
    });
    for (const pod of pods.values()) if (wantsScheduling(pod)) ctx.runner.enqueue(this.name, keyOf(pod));
  }

  tick(now: number): void {
    if (this.unschedulable.size > 0 && now - this.lastRetry >= retryUnschedulableMs) this.retryUnschedulable();
  }

  sync(key: string): void {
    const pod = this.ctx.informers.pods.getByKey(key) as Pod | undefined;
    if (!pod || !wantsScheduling(pod)) {
      this.unschedulable.delete(key);
      return;
    }
    const nodes = this.nodes();
    const placement = chooseNode(pod, nodes, this.usage, this.cursor++ % Math.max(1, nodes.length));
    if (placement.node) {
      this.unschedulable.delete(key);
      this.bind(pod, placement.node);
    } else this.markUnschedulable(pod, unschedulableMessage(nodes.length, placement.failures));
  }

  private nodes(): Node[] {
    this.nodeList ??= [...this.ctx.informers.nodes.values()] as Node[];
    return this.nodeList;
  }

  private retryUnschedulable(): void {
    this.lastRetry = this.ctx.clock.now();
    for (const key of this.unschedulable.keys()) this.ctx.runner.enqueue(this.name, key);
  }

  private bind(pod: Pod, node: Node): void {
    const now = this.ctx.clock.now();
    const bound = this.ctx.store.mutate("pods", pod.metadata.namespace, pod.metadata.name, (draft) => {
      const p = draft as Pod;
      p.spec.nodeName = node.metadata.name;
      p.status ??= { phase: "Pending" };
      setCondition(p.status, "PodScheduled", "True", now);
    });
    const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`;
    this.ctx.recorder.record(bound, { type: "Normal", reason: "Scheduled", message, source });
  }

  private markUnschedulable(pod: Pod, message: string): void {
    const key = keyOf(pod);
    const now = this.ctx.clock.now();
    const lastEvent = this.unschedulable.get(key);
    const reportDue = lastEvent === undefined || now - lastEvent >= retryUnschedulableMs;
    if (reportDue) this.unschedulable.set(key, now);
    const current = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
    if (current?.status !== "False" || current.message !== message) {
      this.ctx.store.mutate("pods", pod.metadata.namespace, pod.metadata.name, (draft) => {
        const p = draft as Pod;
        p.status ??= { phase: "Pending" };
        setCondition(p.status, "PodScheduled", "False", now, "Unschedulable", message);
      });
    }
    if (reportDue) this.ctx.recorder.record(pod, { type: "Warning", reason: "FailedScheduling", message, source });
  }
}
