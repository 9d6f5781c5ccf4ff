import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import type { Informers, SimContext } from "../context";
import type { Informer } from "../informer";
import { controllerOf, keyOf } from "../objects/meta";
import type { Controller } from "../runner";
import { every } from "./helpers";

const FOREGROUND = "foregroundDeletion";
const ORPHAN = "orphan";

/** Owner kind → the informer that holds owners of that kind (for the uid lookups of orphan sweeps). */
function ownerInformers(informers: Informers): Record<string, Informer> {
  return {
    Deployment: informers.deployments,
    ReplicaSet: informers.replicaSets,
    StatefulSet: informers.statefulSets,
    DaemonSet: informers.daemonSets,
    Job: informers.jobs,
    CronJob: informers.cronJobs,
    Service: informers.services,
    Node: informers.nodes,
  };
}

/**
 * The garbage collector: when an owner goes, its dependents go (background propagation);
 * owners marked for foreground or orphan deletion are finished once their dependents are handled.
 */
export class GarbageCollector implements Controller {
  readonly name = "garbage-collector";
  private readonly dependents: Informer[];
  private readonly owners: Record<string, Informer>;
  private readonly sweep: (now: number) => void;
  /** Owners waiting for their dependents to go (foreground deletion), as "Kind|namespace/name". */
  private readonly waiting = new Set<string>();

  constructor(private readonly ctx: SimContext) {
    const i = ctx.informers;
    this.dependents = [i.pods, i.replicaSets, i.jobs, i.endpointSlices, i.controllerRevisions];
    this.owners = ownerInformers(i);
    for (const [kind, informer] of Object.entries(this.owners)) {
      informer.onChange((type, owner) => {
        if (type === "DELETED") this.deleteDependents(owner);
        else if (owner.metadata.deletionTimestamp) ctx.runner.enqueue(this.name, `${kind}|${keyOf(owner)}`);
      });
    }
    for (const informer of this.dependents) {
      informer.onChange((type) => {
        if (type === "DELETED") for (const key of this.waiting) ctx.runner.enqueue(this.name, key);
      });
    }
    i.nodes.onChange((type, node) => {
      if (type === "DELETED") this.deletePodsOn(node.metadata.name);
    });
    this.sweep = every(60_000, () => this.sweepOrphans());
  }

  /** The pod GC: pods bound to a node that no longer exists are force-deleted, so their controllers replace them. */
  private deletePodsOn(nodeName: string): void {
    for (const pod of this.ctx.informers.pods.byIndex("node", nodeName)) this.ctx.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
  }

  tick(now: number): void {
    this.sweep(now);
  }

  /** Finishes a foreground or orphan deletion of the owner named by "Kind|namespace/name". */
  sync(key: string): void {
    const [kind = "", objectKey = ""] = key.split("|");
    const informer = this.owners[kind];
    const owner = informer?.getByKey(objectKey);
    this.waiting.delete(key);
    if (!informer || !owner?.metadata.deletionTimestamp) return;
    const finalizers = owner.metadata.finalizers ?? [];
    const dependents = this.dependentsOf(owner);
    if (finalizers.includes(ORPHAN)) for (const { informer: di, object } of dependents) this.dropOwnerRef(di.resource, object, owner);
    else if (finalizers.includes(FOREGROUND)) {
      if (dependents.length > 0) {
        this.waiting.add(key);
        return this.deleteDependents(owner, true);
      }
    } else return;
    const remaining = finalizers.filter((f) => f !== ORPHAN && f !== FOREGROUND);
    const resource = informer.resource;
    if (remaining.length > 0) {
      this.ctx.store.mutate(resource, owner.metadata.namespace, owner.metadata.name, (draft) => {
        draft.metadata.finalizers = remaining;
      });
    } else this.ctx.store.delete(resource, owner.metadata.namespace, owner.metadata.name);
  }

  private dependentsOf(owner: KubeObject): { informer: Informer; object: KubeObject }[] {
    const uid = owner.metadata.uid ?? "";
    return this.dependents.flatMap((informer) => informer.byIndex("owner", uid).map((object) => ({ informer, object })));
  }

  /** In foreground, dependents that own things are deleted in foreground too, so the wait reaches the pods. */
  private deleteDependents(owner: KubeObject, foreground = false): void {
    for (const { informer, object } of this.dependentsOf(owner)) {
      if (foreground && this.isOwnerResource(informer.resource)) this.markForeground(informer.resource, object);
      else this.deleteObject(informer.resource, object);
    }
  }

  private isOwnerResource(resource: string): boolean {
    return Object.values(this.owners).some((informer) => informer.resource === resource);
  }

  private markForeground(resource: string, object: KubeObject): void {
    if (object.metadata.deletionTimestamp) return;
    this.ctx.store.mutate(resource, object.metadata.namespace, object.metadata.name, (draft) => {
      draft.metadata.deletionTimestamp = toTimestamp(this.ctx.clock.now());
      draft.metadata.finalizers = [...(draft.metadata.finalizers ?? []), FOREGROUND];
    });
  }

  private deleteObject(resource: string, object: KubeObject): void {
    if (resource === "pods") this.ctx.terminator.terminate(object);
    else if (this.ctx.store.get(resource, object.metadata.namespace, object.metadata.name)) this.ctx.store.delete(resource, object.metadata.namespace, object.metadata.name);
  }

  private dropOwnerRef(resource: string, object: KubeObject, owner: KubeObject): void {
    this.ctx.store.mutate(resource, object.metadata.namespace, object.metadata.name, (draft) => {
      draft.metadata.ownerReferences = (draft.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      if (draft.metadata.ownerReferences.length === 0) delete draft.metadata.ownerReferences;
    });
  }

  /** Deletes dependents whose controller owner no longer exists (missed while nothing was watching). */
  private sweepOrphans(): void {
    for (const pod of [...this.ctx.informers.pods.values()]) {
      const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      if (nodeName && !this.ctx.informers.nodes.get(undefined, nodeName)) this.ctx.store.delete("pods", pod.metadata.namespace, pod.metadata.name);
    }
    for (const informer of this.dependents) {
      const orphans: KubeObject[] = [];
      for (const object of informer.values()) {
        const ref = controllerOf(object);
        const owners = ref ? this.owners[ref.kind] : undefined;
        if (ref && owners && owners.countByIndex("uid", ref.uid) === 0) orphans.push(object);
      }
      for (const object of orphans) if (!object.metadata.deletionTimestamp) this.deleteObject(informer.resource, object);
    }
  }
}
