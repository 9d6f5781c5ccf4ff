import type { KubeObject } from "@/server/kube/types";
import type { SimContext } from "../context";
import { keyOf } from "../objects/meta";
import type { Node, Pod } from "../objects/types";
import type { Controller } from "../runner";
import { TimerQueue } from "../timerQueue";
import { applyStep, type KubeletEnv, type StepEvent } from "./applyStep";
import { planNextStep } from "./lifecycle";
import { nodeInternalIP, PodIpAllocator } from "./podIPs";

/** Steps applied in one sync at most, so a clock jump cannot keep a pod busy forever. */
const maxStepsPerSync = 20;

/**
 * Every node's kubelet in one controller: moves bound pods through sandbox → running → ready,
 * crashes, OOM kills, backoffs and completions, at the times the lifecycle plan says.
 */
export class Kubelet implements Controller {
  readonly name = "kubelet";
  private readonly timers = new TimerQueue();
  private readonly stopping = new Set<string>();
  private readonly env: KubeletEnv;

  constructor(private readonly ctx: SimContext) {
    const { pods, nodes } = ctx.informers;
    const ips = new PodIpAllocator((nodeName) => usedIPs(ctx, nodeName));
    this.env = {
      seed: ctx.seed,
      hostIP: (nodeName) => nodeInternalIP(nodes.get(undefined, nodeName) as Node | undefined),
      allocatePodIP: (pod) => ips.allocate(pod, nodes.get(undefined, pod.spec.nodeName!) as Node),
    };
    pods.onChange((type, pod) => {
      const key = keyOf(pod);
      if (type === "DELETED") {
        this.timers.cancel(key);
        this.stopping.delete(pod.metadata.uid ?? "");
      } else if ((pod as Pod).spec?.nodeName) ctx.runner.enqueue(this.name, key);
    });
    for (const pod of pods.values()) if ((pod as Pod).spec?.nodeName) ctx.runner.enqueue(this.name, keyOf(pod));
  }

  tick(now: number): void {
    for (const key of this.timers.popDue(now)) this.ctx.runner.enqueue(this.name, key);
  }

  sync(key: string): void {
    let pod = this.ctx.informers.pods.getByKey(key) as Pod | undefined;
    if (!pod?.spec.nodeName || !this.ctx.informers.nodes.get(undefined, pod.spec.nodeName)) return;
    if (pod.metadata.deletionTimestamp) {
      this.reportStopping(pod);
      return;
    }
    const now = this.ctx.clock.now();
    for (let i = 0; i < maxStepsPerSync; i++) {
      const step = planNextStep(pod, this.ctx.seed);
      if (!step) return;
      if (step.at > now) {
        this.timers.schedule(key, step.at);
        return;
      }
      let events: StepEvent[] = [];
      pod = this.ctx.store.mutate("pods", pod.metadata.namespace, pod.metadata.name, (draft) => {
        events = applyStep(draft as Pod, step, this.env);
      }) as Pod;
      this.report(pod, events, step.at);
    }
    this.timers.schedule(key, now);
  }

  private report(pod: Pod, events: StepEvent[], at: number): void {
    const host = pod.spec.nodeName;
    for (const event of events) {
      const involved = event.on === "node" ? this.ctx.informers.nodes.get(undefined, host ?? "") : pod;
      if (!involved) continue;
      const component = event.on === "node" ? "kernel-monitor" : "kubelet";
      this.ctx.recorder.record(involved, { type: event.type, reason: event.reason, message: event.message, fieldPath: event.fieldPath, source: { component, host } }, at);
    }
  }

  /** The apiserver removes deleted pods; the kubelet only reports that it stops their containers. */
  private reportStopping(pod: Pod): void {
    const uid = pod.metadata.uid ?? "";
    if (this.stopping.has(uid)) return;
    this.stopping.add(uid);
    for (const status of pod.status?.containerStatuses ?? []) {
      if (!status.state.running) continue;
      const fieldPath = `spec.containers{${status.name}}`;
      this.ctx.recorder.record(pod, { type: "Normal", reason: "Killing", message: `Stopping container ${status.name}`, fieldPath, source: { component: "kubelet", host: pod.spec.nodeName } });
    }
  }
}

function usedIPs(ctx: SimContext, nodeName: string): string[] {
  const out: string[] = [];
  for (const pod of ctx.informers.pods.byIndex("node", nodeName) as KubeObject[]) {
    const ip = (pod as Pod).status?.podIP;
    if (ip) out.push(ip);
  }
  return out;
}
