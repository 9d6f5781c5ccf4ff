import type { SimContext } from "../context";
import { isPodReady } from "../kubelet/podPhase";
import { controllerOf, keyOf } from "../objects/meta";
import type { Pod, Workload } from "../objects/types";
import type { Controller } from "../runner";
import { createOwnedPod, deletionOrder, every, isActivePod, isAvailable, omitEmpty, writeStatus } from "./helpers";

const source = { component: "replicaset-controller" };
/** Like the real controller's burst limit: at most this many pod creations or deletions per sync. */
const burst = 500;

/** Keeps each ReplicaSet's number of live pods at spec.replicas and reports what it sees. */
export class ReplicaSetController implements Controller {
  readonly name = "replicaset";
  private readonly resync: (now: number) => void;

  constructor(private readonly ctx: SimContext) {
    const { replicaSets, pods } = ctx.informers;
    replicaSets.onChange((type, rs) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(rs));
    });
    pods.onChange((_type, pod) => {
      const owner = controllerOf(pod);
      if (owner?.kind === "ReplicaSet") ctx.runner.enqueue(this.name, `${pod.metadata.namespace}/${owner.name}`);
    });
    this.resync = every(60_000, () => {
      for (const key of replicaSets.keys()) ctx.runner.enqueue(this.name, key);
    });
    this.resync(ctx.clock.now());
  }

  tick(now: number): void {
    this.resync(now);
  }

  sync(key: string): void {
    const rs = this.ctx.informers.replicaSets.getByKey(key) as Workload | undefined;
    if (!rs || rs.metadata.deletionTimestamp) return;
    const owned = this.ctx.informers.pods.byIndex("owner", rs.metadata.uid ?? "");
    const active = owned.filter(isActivePod);
    const desired = rs.spec.replicas ?? 1;
    if (active.length < desired) this.createPods(rs, Math.min(desired - active.length, burst));
    else if (active.length > desired) this.deletePods(rs, deletionOrder(active).slice(0, Math.min(active.length - desired, burst)));
    this.updateStatus(rs);
  }

  private createPods(rs: Workload, count: number): void {
    for (let i = 0; i < count; i++) {
      const pod = createOwnedPod(this.ctx, { owner: rs, template: rs.spec.template });
      this.ctx.recorder.record(rs, { type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}`, source });
    }
  }

  private deletePods(rs: Workload, victims: Pod[]): void {
    for (const pod of victims) {
      this.ctx.terminator.terminate(pod);
      this.ctx.recorder.record(rs, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name}`, source });
    }
  }

  private updateStatus(rs: Workload): void {
    const current = this.ctx.informers.replicaSets.getByKey(keyOf(rs)) as Workload | undefined;
    if (!current) return;
    const active = this.ctx.informers.pods.byIndex("owner", current.metadata.uid ?? "").filter(isActivePod);
    const minReady = Number(current.spec.minReadySeconds ?? 0);
    const now = this.ctx.clock.now();
    const status = {
      replicas: active.length,
      ...omitEmpty({
        fullyLabeledReplicas: active.length,
        readyReplicas: active.filter((p) => isPodReady(p as Pod)).length,
        availableReplicas: active.filter((p) => isAvailable(p, minReady, now)).length,
        observedGeneration: current.metadata.generation,
      }),
    };
    writeStatus(this.ctx, "apps/replicasets", current, status);
  }
}
