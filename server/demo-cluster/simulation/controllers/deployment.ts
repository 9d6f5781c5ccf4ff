import type { KubeObject } from "@/server/kube/types";
import { StoreError } from "../../store";
import type { SimContext } from "../context";
import { controllerOf, keyOf } from "../objects/meta";
import { computeTemplateHash } from "../objects/templateHash";
import type { Workload } from "../objects/types";
import type { Controller } from "../runner";
import {
  buildReplicaSet, DESIRED_REPLICAS, MAX_REPLICAS, newReplicaSetTarget, oldReplicaSetTargets, REVISION, revisionOf,
  rolloutLimits, specReplicas, TEMPLATE_HASH,
} from "./deploymentRollout";
import { deploymentStatus } from "./deploymentStatus";
import { every, writeStatus } from "./helpers";

const source = { component: "deployment-controller" };

/** Rolls Deployments out through ReplicaSets: a new one per template, scaled up as old ones scale down. */
export class DeploymentController implements Controller {
  readonly name = "deployment";
  private readonly resync: (now: number) => void;

  constructor(private readonly ctx: SimContext) {
    const { deployments, replicaSets } = ctx.informers;
    deployments.onChange((type, d) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(d));
    });
    replicaSets.onChange((_type, rs) => {
      const owner = controllerOf(rs);
      if (owner?.kind === "Deployment") ctx.runner.enqueue(this.name, `${rs.metadata.namespace}/${owner.name}`);
    });
    this.resync = every(60_000, () => {
      for (const key of deployments.keys()) ctx.runner.enqueue(this.name, key);
    });
    this.resync(ctx.clock.now());
  }

  tick(now: number): void {
    this.resync(now);
  }

  sync(key: string): void {
    const deployment = this.ctx.informers.deployments.getByKey(key) as Workload | undefined;
    if (!deployment || deployment.metadata.deletionTimestamp) return;
    const owned = () => this.ctx.informers.replicaSets.byIndex("owner", deployment.metadata.uid ?? "").filter((rs) => !rs.metadata.deletionTimestamp);
    const hash = computeTemplateHash(deployment.spec.template, Number(deployment.status?.collisionCount ?? 0));
    let all = owned();
    let newRS = all.find((rs) => rs.metadata.labels?.[TEMPLATE_HASH] === hash);
    let scaled = false;
    if (!deployment.spec.paused) {
      if (!newRS) newRS = this.createNewReplicaSet(deployment, hash, all);
      else this.adoptAsNewest(newRS, all);
      if (newRS) scaled = this.rollout(deployment, newRS, all.filter((rs) => rs !== newRS));
    } else if (newRS) scaled = this.scale(deployment, newRS, deployment.spec.replicas ?? 1);
    all = owned();
    newRS = all.find((rs) => rs.metadata.labels?.[TEMPLATE_HASH] === hash);
    this.cleanupHistory(deployment, all, newRS);
    this.syncRevisionAnnotation(deployment, newRS);
    const fresh = this.ctx.informers.deployments.getByKey(key) as Workload;
    const status = deploymentStatus({ deployment: fresh, newRS, all: owned(), now: this.ctx.clock.now(), scaled });
    writeStatus(this.ctx, "apps/deployments", fresh, status);
  }

  private createNewReplicaSet(deployment: Workload, hash: string, all: KubeObject[]): KubeObject | undefined {
    const desired = deployment.spec.replicas ?? 1;
    const recreate = (deployment.spec.strategy as { type?: string } | undefined)?.type === "Recreate";
    const oldActive = all.some((rs) => specReplicas(rs) > 0 || Number((rs.status as { replicas?: number } | undefined)?.replicas ?? 0) > 0);
    const replicas = recreate ? (oldActive ? 0 : desired) : newReplicaSetTarget(desired, undefined, all, rolloutLimits(deployment));
    const revision = Math.max(0, ...all.map(revisionOf)) + 1;
    const rs = buildReplicaSet(deployment, hash, replicas, revision, this.ctx.clock.now());
    try {
      const created = this.ctx.store.create("apps/replicasets", rs);
      this.ctx.recorder.record(deployment, { type: "Normal", reason: "ScalingReplicaSet", message: `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`, source });
      return created;
    } catch (error) {
      if (!(error instanceof StoreError) || error.reason !== "AlreadyExists") throw error;
      // Someone else's ReplicaSet has this name: bump collisionCount so the next hash differs.
      this.ctx.store.mutate("apps/deployments", deployment.metadata.namespace, deployment.metadata.name, (draft) => {
        const status = (draft.status ?? {}) as Record<string, unknown>;
        draft.status = { ...status, collisionCount: Number(status.collisionCount ?? 0) + 1 };
      });
      return undefined;
    }
  }

  /** A rollback to an older template makes that ReplicaSet the newest revision again. */
  private adoptAsNewest(newRS: KubeObject, all: KubeObject[]): void {
    const maxOther = Math.max(0, ...all.filter((rs) => rs !== newRS).map(revisionOf));
    if (revisionOf(newRS) > maxOther) return;
    this.ctx.store.mutate("apps/replicasets", newRS.metadata.namespace, newRS.metadata.name, (draft) => {
      draft.metadata.annotations = { ...draft.metadata.annotations, [REVISION]: String(maxOther + 1) };
    });
  }

  /** One rollout step; returns whether any ReplicaSet was resized. */
  private rollout(deployment: Workload, newRS: KubeObject, old: KubeObject[]): boolean {
    const desired = deployment.spec.replicas ?? 1;
    const limits = rolloutLimits(deployment);
    const recreate = (deployment.spec.strategy as { type?: string } | undefined)?.type === "Recreate";
    if (recreate) {
      const oldLeft = old.some((rs) => Number((rs.status as { replicas?: number } | undefined)?.replicas ?? 0) > 0);
      let changed = false;
      for (const rs of old) if (specReplicas(rs) > 0) changed = this.scale(deployment, rs, 0) || changed;
      if (!oldLeft) changed = this.scale(deployment, newRS, desired) || changed;
      return changed;
    }
    const target = newReplicaSetTarget(desired, newRS, [newRS, ...old], limits);
    if (target !== specReplicas(newRS)) return this.scale(deployment, newRS, target);
    let changed = false;
    for (const [rs, size] of oldReplicaSetTargets(desired, newRS, old, limits)) changed = this.scale(deployment, rs, size) || changed;
    return changed;
  }

  private scale(deployment: Workload, rs: KubeObject, replicas: number): boolean {
    const from = specReplicas(rs);
    const desired = String(deployment.spec.replicas ?? 1);
    const max = String((deployment.spec.replicas ?? 1) + rolloutLimits(deployment).maxSurge);
    const annotations = rs.metadata.annotations ?? {};
    if (from === replicas && annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max) return false;
    this.ctx.store.mutate("apps/replicasets", rs.metadata.namespace, rs.metadata.name, (draft) => {
      (draft as Workload).spec.replicas = replicas;
      draft.metadata.annotations = { ...draft.metadata.annotations, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
    });
    if (from === replicas) return false;
    const verb = replicas > from ? "up" : "down";
    this.ctx.recorder.record(deployment, { type: "Normal", reason: "ScalingReplicaSet", message: `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${replicas}`, source });
    return true;
  }

  /** Keeps at most revisionHistoryLimit old, empty ReplicaSets. */
  private cleanupHistory(deployment: Workload, all: KubeObject[], newRS: KubeObject | undefined): void {
    const limit = Number(deployment.spec.revisionHistoryLimit ?? 10);
    const empty = all
      .filter((rs) => rs !== newRS && specReplicas(rs) === 0 && Number((rs.status as { replicas?: number } | undefined)?.replicas ?? 0) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of empty.slice(0, Math.max(0, empty.length - limit))) this.ctx.store.delete("apps/replicasets", rs.metadata.namespace, rs.metadata.name);
  }

  private syncRevisionAnnotation(deployment: Workload, newRS: KubeObject | undefined): void {
    const revision = newRS?.metadata.annotations?.[REVISION];
    if (!revision || deployment.metadata.annotations?.[REVISION] === revision) return;
    this.ctx.store.mutate("apps/deployments", deployment.metadata.namespace, deployment.metadata.name, (draft) => {
      draft.metadata.annotations = { ...draft.metadata.annotations, [REVISION]: revision };
    });
  }
}
