import type { KubeObject } from "@/server/kube/types";
import type { ObjectStore } from "../store";
import { matchesLabels, requirementsOf, type LabelSelectorSpec } from "./labelSelector";
import { field, isJson, list, num } from "./objectAccess";

export interface Budget {
  /** Pods the budget expects: the owning controllers' replicas, or the matching pods without one. */
  expected: number;
  /** Ready pods that are not being deleted. */
  healthy: number;
  /** How many must stay healthy. */
  desiredHealthy: number;
  /** healthy - desiredHealthy, never below 0. */
  allowed: number;
}

export function isPodReady(pod: KubeObject): boolean {
  return list(field(pod, "status", "conditions")).some((c) => c.type === "Ready" && c.status === "True");
}

/** Applies an int-or-percent to `total`, rounding up as kube's GetScaledValueFromIntOrPercent does. */
function scaled(value: unknown, total: number): number {
  if (typeof value === "number") return value;
  const percent = /^(\d+)%$/.exec(String(value));
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : 0;
}

/** The pods a budget's selector covers; an empty selector covers none in policy/v1. */
export function coveredPods(pdb: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const selector = field(pdb, "spec", "selector");
  if (!isJson(selector) || (Object.keys(selector.matchLabels ?? {}).length === 0 && list(selector.matchExpressions).length === 0)) return [];
  const requirements = requirementsOf(selector as LabelSelectorSpec);
  return pods.filter((p) => matchesLabels(requirements, p.metadata.labels));
}

function expectedCount(store: ObjectStore, pods: readonly KubeObject[]): number {
  const controllers = new Map<string, number>();
  let unowned = 0;
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    const key = ref ? { ReplicaSet: "apps/replicasets", StatefulSet: "apps/statefulsets" }[ref.kind] : undefined;
    const owner = key && ref ? store.get(key, pod.metadata.namespace, ref.name) : undefined;
    if (owner) controllers.set(owner.metadata.uid ?? owner.metadata.name, num(field(owner, "spec", "replicas"), 1));
    else unowned++;
  }
  return unowned + [...controllers.values()].reduce((a, b) => a + b, 0);
}

/** What the disruption controller would compute for `pdb` right now. */
export function computeBudget(store: ObjectStore, pdb: KubeObject, namespacePods: readonly KubeObject[]): Budget {
  const pods = coveredPods(pdb, namespacePods).filter((p) => !["Succeeded", "Failed"].includes(String(field(p, "status", "phase"))));
  const expected = expectedCount(store, pods);
  const healthy = pods.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp).length;
  const minAvailable = field(pdb, "spec", "minAvailable");
  const maxUnavailable = field(pdb, "spec", "maxUnavailable");
  const desiredHealthy = minAvailable !== undefined ? scaled(minAvailable, expected) : maxUnavailable !== undefined ? Math.max(0, expected - scaled(maxUnavailable, expected)) : expected;
  return { expected, healthy, desiredHealthy, allowed: Math.max(0, healthy - desiredHealthy) };
}
