import type { KubeObject, ObjectMeta } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import type { PodTerminator } from "../context";
import type { SimContext } from "../context";
import { keyOf } from "../objects/meta";
import type { Pod } from "../objects/types";
import { unitHash } from "../random";
import type { Controller } from "../runner";
import { TimerQueue } from "../timerQueue";

type DeletableMeta = ObjectMeta & { deletionGracePeriodSeconds?: number };

/**
 * Graceful pod deletion for the controllers: marks the pod Terminating (deletionTimestamp) and removes it
 * once its containers have had a moment to stop; a pod that never ran goes at once.
 */
export class GracefulPodTerminator implements Controller, PodTerminator {
  readonly name = "pod-terminator";
  private readonly timers = new TimerQueue();
  /** key → uid of the pod this terminator is removing, so a new pod with the same name is left alone. */
  private readonly removing = new Map<string, string>();

  constructor(private readonly ctx: SimContext) {}

  terminate(object: KubeObject): void {
    const pod = object as Pod;
    if (pod.metadata.deletionTimestamp) return;
    const { namespace, name } = pod.metadata;
    const phase = pod.status?.phase;
    if (!pod.spec?.nodeName || !pod.status?.startTime || phase === "Succeeded" || phase === "Failed") {
      this.ctx.store.delete("pods", namespace, name);
      return;
    }
    const now = this.ctx.clock.now();
    const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
    const marked = this.ctx.store.mutate("pods", namespace, name, (draft) => {
      const meta = draft.metadata as DeletableMeta;
      meta.deletionTimestamp = toTimestamp(now + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
    });
    const key = keyOf(marked);
    this.removing.set(key, marked.metadata.uid ?? "");
    const stopMs = Math.min(grace * 1000, 1000 + 2000 * unitHash(key, "stop"));
    this.timers.schedule(key, now + stopMs);
  }

  tick(now: number): void {
    for (const key of this.timers.popDue(now)) this.ctx.runner.enqueue(this.name, key);
  }

  sync(key: string): void {
    const uid = this.removing.get(key);
    this.removing.delete(key);
    const pod = this.ctx.informers.pods.getByKey(key);
    if (!pod || uid === undefined || pod.metadata.uid !== uid) return;
    this.ctx.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
  }
}
