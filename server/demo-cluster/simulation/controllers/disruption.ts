import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import type { SimContext } from "../context";
import { isPodReady } from "../kubelet/podPhase";
import { matchesSelector } from "../objects/labels";
import { controllerOf, keyOf } from "../objects/meta";
import type { Condition, LabelSelector, Pod } from "../objects/types";
import type { Controller } from "../runner";
import { isActivePod, writeStatus } from "./helpers";

interface PdbSpec {
  selector?: LabelSelector;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

const scaled = (value: number | string, total: number) => (typeof value === "number" ? value : Math.ceil((Number.parseInt(value, 10) * total) / 100));

/** The disruption controller: how many of a budget's pods may be evicted right now (status.disruptionsAllowed). */
export class DisruptionController implements Controller {
  readonly name = "disruption";

  constructor(private readonly ctx: SimContext) {
    const { podDisruptionBudgets, pods } = ctx.informers;
    podDisruptionBudgets.onChange((type, pdb) => {
      if (type !== "DELETED") ctx.runner.enqueue(this.name, keyOf(pdb));
    });
    pods.onChange((_type, pod, previous) => {
      for (const pdb of podDisruptionBudgets.byIndex("namespace", pod.metadata.namespace ?? "")) {
        const selector = (pdb.spec as PdbSpec).selector;
        if (matchesSelector(selector, pod.metadata.labels) || (previous && matchesSelector(selector, previous.metadata.labels))) ctx.runner.enqueue(this.name, keyOf(pdb));
      }
    });
    for (const key of podDisruptionBudgets.keys()) ctx.runner.enqueue(this.name, key);
  }

  sync(key: string): void {
    const pdb = this.ctx.informers.podDisruptionBudgets.getByKey(key);
    if (!pdb) return;
    const spec = pdb.spec as PdbSpec;
    const pods = this.ctx.informers.pods.byIndex("namespace", pdb.metadata.namespace ?? "").filter((p) => isActivePod(p) && matchesSelector(spec.selector, p.metadata.labels));
    const expected = Math.max(pods.length, this.expectedFromOwners(pods));
    const healthy = pods.filter((p) => isPodReady(p as Pod)).length;
    const desired = spec.minAvailable !== undefined ? scaled(spec.minAvailable, expected) : Math.max(0, expected - scaled(spec.maxUnavailable ?? 0, expected));
    const allowed = Math.max(0, healthy - desired);
    const previous = ((pdb.status as { conditions?: Condition[] } | undefined)?.conditions ?? [])[0];
    const status = allowed > 0 ? "True" : "False";
    const condition = {
      type: "DisruptionAllowed",
      status,
      observedGeneration: pdb.metadata.generation,
      lastTransitionTime: previous?.status === status ? previous.lastTransitionTime : toTimestamp(this.ctx.clock.now()),
      reason: allowed > 0 ? "SufficientPods" : "InsufficientPods",
      message: "",
    };
    writeStatus(this.ctx, "policy/poddisruptionbudgets", pdb, {
      observedGeneration: pdb.metadata.generation,
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions: [condition],
    });
  }

  /** The replica counts the pods' controllers ask for (what the real controller reads through /scale). */
  private expectedFromOwners(pods: KubeObject[]): number {
    const owners = new Map<string, number>();
    for (const pod of pods) {
      const ref = controllerOf(pod);
      if (!ref || owners.has(ref.uid)) continue;
      const informer = ref.kind === "ReplicaSet" ? this.ctx.informers.replicaSets : ref.kind === "StatefulSet" ? this.ctx.informers.statefulSets : undefined;
      const owner = informer?.get(pod.metadata.namespace, ref.name);
      owners.set(ref.uid, Number((owner?.spec as { replicas?: number } | undefined)?.replicas ?? 1));
    }
    return [...owners.values()].reduce((a, b) => a + b, 0);
  }
}
