import type { KubeObject } from "@/server/kube/types";
import type { SimContext } from "../context";
import { isPodReady } from "../kubelet/podPhase";
import { controllerOf, keyOf } from "../objects/meta";
import { REVISION_HASH_LABEL } from "../objects/revisions";
import { buildClaim, buildStatefulPod, claimName, claimTemplates, ordinalOf, statefulSetRevision } from "../objects/statefulPods";
import type { Pod, Workload } from "../objects/types";
import type { Controller } from "../runner";
import { every, isActivePod, omitEmpty, writeStatus } from "./helpers";
import { ensureRevision } from "./revisionHistory";

const source = { component: "statefulset-controller" };

const revisionOfPod = (pod: KubeObject) => pod.metadata.labels?.[REVISION_HASH_LABEL];
const isHealthy = (pod: KubeObject | undefined) => pod !== undefined && isActivePod(pod) && (pod as Pod).status?.phase === "Running" && isPodReady(pod as Pod);

/** StatefulSets: ordered pods name-0..n-1 with their own claims; scale down and update from the highest ordinal. */
export class StatefulSetController implements Controller {
  readonly name = "statefulset";
  private readonly resync: (now: number) => void;

  constructor(private readonly ctx: SimContext) {
    const { statefulSets, pods } = ctx.informers;
    statefulSets.onChange((type, sts) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(sts));
    });
    pods.onChange((_type, pod) => {
      const owner = controllerOf(pod);
      if (owner?.kind === "StatefulSet") ctx.runner.enqueue(this.name, `${pod.metadata.namespace}/${owner.name}`);
    });
    this.resync = every(60_000, () => {
      for (const key of statefulSets.keys()) ctx.runner.enqueue(this.name, key);
    });
    this.resync(ctx.clock.now());
  }

  tick(now: number): void {
    this.resync(now);
  }

  sync(key: string): void {
    const sts = this.ctx.informers.statefulSets.getByKey(key) as Workload | undefined;
    if (!sts || sts.metadata.deletionTimestamp) return;
    const updateRevision = statefulSetRevision(sts);
    const currentRevision = String(sts.status?.currentRevision ?? updateRevision);
    ensureRevision(this.ctx, sts, updateRevision, updateRevision.slice(sts.metadata.name.length + 1), sts.spec.template, [currentRevision]);
    const pods = this.podsByOrdinal(sts);
    // Each step returns true when later steps must wait; the pods' own changes bring the next sync.
    void (this.replaceFinished(pods) || this.createMissing(sts, pods, updateRevision) || this.scaleDown(sts, pods) || this.rollOne(sts, pods, updateRevision));
    this.updateStatus(this.ctx.informers.statefulSets.getByKey(key) as Workload, updateRevision, currentRevision);
  }

  private podsByOrdinal(sts: Workload): Map<number, Pod> {
    const out = new Map<number, Pod>();
    for (const pod of this.ctx.informers.pods.byIndex("owner", sts.metadata.uid ?? "")) {
      const ordinal = ordinalOf(pod, sts);
      if (ordinal >= 0) out.set(ordinal, pod as Pod);
    }
    return out;
  }

  /** A failed or finished pod is deleted so that its ordinal is created again. */
  private replaceFinished(pods: Map<number, Pod>): boolean {
    let acted = false;
    for (const pod of pods.values()) {
      const phase = pod.status?.phase;
      if (!pod.metadata.deletionTimestamp && (phase === "Failed" || phase === "Succeeded")) {
        this.ctx.terminator.terminate(pod);
        acted = true;
      }
    }
    return acted;
  }

  /** Creates missing ordinals in order; with OrderedReady, waits for each to be healthy before the next. */
  private createMissing(sts: Workload, pods: Map<number, Pod>, revision: string): boolean {
    const replicas = sts.spec.replicas ?? 1;
    const parallel = sts.spec.podManagementPolicy === "Parallel";
    let waiting = false;
    for (let ordinal = 0; ordinal < replicas; ordinal++) {
      const pod = pods.get(ordinal);
      if (!pod) {
        this.createPod(sts, ordinal, revision);
        waiting = true;
        if (!parallel) return true;
      } else if (!isHealthy(pod)) {
        waiting = true;
        if (!parallel) return true;
      }
    }
    return waiting;
  }

  private createPod(sts: Workload, ordinal: number, revision: string): void {
    const now = this.ctx.clock.now();
    for (const template of claimTemplates(sts)) {
      const name = claimName(template, sts, ordinal);
      if (this.ctx.store.get("persistentvolumeclaims", sts.metadata.namespace, name)) continue;
      this.ctx.store.create("persistentvolumeclaims", buildClaim(sts, template, ordinal, `pvc-${this.ctx.rng.uuid()}`, now));
      this.ctx.recorder.record(sts, { type: "Normal", reason: "SuccessfulCreate", message: `create Claim ${name} Pod ${sts.metadata.name}-${ordinal} in StatefulSet ${sts.metadata.name} success`, source });
    }
    const pod = this.ctx.store.create("pods", buildStatefulPod(sts, ordinal, revision, now));
    this.ctx.recorder.record(sts, { type: "Normal", reason: "SuccessfulCreate", message: `create Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, source });
  }

  /** Removes the highest surplus ordinal once every other pod is healthy (one at a time unless Parallel). */
  private scaleDown(sts: Workload, pods: Map<number, Pod>): boolean {
    const replicas = sts.spec.replicas ?? 1;
    const surplus = [...pods.entries()].filter(([ordinal, pod]) => ordinal >= replicas && !pod.metadata.deletionTimestamp).sort(([a], [b]) => b - a);
    if (surplus.length === 0) return false;
    const parallel = sts.spec.podManagementPolicy === "Parallel";
    if (!parallel && [...pods.values()].some((p) => p.metadata.deletionTimestamp)) return true;
    for (const [, pod] of parallel ? surplus : surplus.slice(0, 1)) {
      this.ctx.terminator.terminate(pod);
      this.ctx.recorder.record(sts, { type: "Normal", reason: "SuccessfulDelete", message: `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, source });
    }
    return true;
  }

  /** RollingUpdate: once all pods are healthy, replace the highest ordinal still on an old revision. */
  private rollOne(sts: Workload, pods: Map<number, Pod>, revision: string): boolean {
    const strategy = sts.spec.updateStrategy as { type?: string; rollingUpdate?: { partition?: number } } | undefined;
    if (strategy?.type === "OnDelete") return false;
    const replicas = sts.spec.replicas ?? 1;
    const partition = strategy?.rollingUpdate?.partition ?? 0;
    for (let ordinal = 0; ordinal < replicas; ordinal++) if (!isHealthy(pods.get(ordinal))) return false;
    for (let ordinal = replicas - 1; ordinal >= partition; ordinal--) {
      const pod = pods.get(ordinal)!;
      if (revisionOfPod(pod) === revision) continue;
      this.ctx.terminator.terminate(pod);
      this.ctx.recorder.record(sts, { type: "Normal", reason: "SuccessfulDelete", message: `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, source });
      return true;
    }
    return false;
  }

  private updateStatus(sts: Workload, updateRevision: string, currentRevision: string): void {
    const pods = this.ctx.informers.pods.byIndex("owner", sts.metadata.uid ?? "").filter((p) => !p.metadata.deletionTimestamp);
    const replicas = sts.spec.replicas ?? 1;
    const ready = pods.filter((p) => isPodReady(p as Pod)).length;
    const updated = pods.filter((p) => revisionOfPod(p) === updateRevision).length;
    const rolledOut = updated === replicas && pods.length === replicas && ready === replicas;
    const current = rolledOut ? updateRevision : currentRevision;
    const status = {
      observedGeneration: sts.metadata.generation,
      replicas: pods.length,
      ...omitEmpty({ readyReplicas: ready, currentReplicas: pods.filter((p) => revisionOfPod(p) === current).length, updatedReplicas: updated }),
      currentRevision: current,
      updateRevision,
      collisionCount: 0,
      availableReplicas: ready,
    };
    writeStatus(this.ctx, "apps/statefulsets", sts, status);
  }
}
