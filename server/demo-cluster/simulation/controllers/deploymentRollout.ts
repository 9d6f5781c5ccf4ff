import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import { controllerRefTo } from "../objects/meta";
import type { Workload } from "../objects/types";

export const REVISION = "deployment.kubernetes.io/revision";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
export const TEMPLATE_HASH = "pod-template-hash";

interface RollingUpdate {
  maxSurge?: number | string;
  maxUnavailable?: number | string;
}

/** Resolves an int-or-percent against the replica count, rounding like the real controller. */
function resolve(value: number | string | undefined, fallback: string, total: number, roundUp: boolean): number {
  const v = value ?? fallback;
  if (typeof v === "number") return v;
  const percent = Number.parseInt(v, 10);
  if (!Number.isFinite(percent)) return 0;
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export interface RolloutLimits {
  maxSurge: number;
  maxUnavailable: number;
}

export function rolloutLimits(deployment: Workload): RolloutLimits {
  const desired = deployment.spec.replicas ?? 1;
  const strategy = deployment.spec.strategy as { type?: string; rollingUpdate?: RollingUpdate } | undefined;
  if (strategy?.type === "Recreate") return { maxSurge: 0, maxUnavailable: desired };
  const maxSurge = resolve(strategy?.rollingUpdate?.maxSurge, "25%", desired, true);
  const maxUnavailable = resolve(strategy?.rollingUpdate?.maxUnavailable, "25%", desired, false);
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge: 0, maxUnavailable: 1 } : { maxSurge, maxUnavailable };
}

export const specReplicas = (rs: KubeObject) => ((rs as Workload).spec?.replicas ?? 0);
export const statusCount = (rs: KubeObject, field: string) => Number((rs.status as Record<string, unknown> | undefined)?.[field] ?? 0);
export const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
const sum = (items: readonly KubeObject[], f: (rs: KubeObject) => number) => items.reduce((total, rs) => total + f(rs), 0);

/** How many replicas the new ReplicaSet should have now (rolling update: bounded by maxSurge). */
export function newReplicaSetTarget(desired: number, newRS: KubeObject | undefined, all: readonly KubeObject[], limits: RolloutLimits): number {
  const current = newRS ? specReplicas(newRS) : 0;
  if (current >= desired) return desired;
  const total = sum(all, specReplicas);
  const room = desired + limits.maxSurge - total;
  if (room <= 0) return current;
  return current + Math.min(room, desired - current);
}

/**
 * How far each old ReplicaSet may shrink without dropping below desired − maxUnavailable available pods:
 * first the unhealthy replicas, then available ones, oldest first. Returns the new size per ReplicaSet.
 */
export function oldReplicaSetTargets(desired: number, newRS: KubeObject | undefined, old: readonly KubeObject[], limits: RolloutLimits): Map<KubeObject, number> {
  const targets = new Map<KubeObject, number>();
  const oldCount = sum(old, specReplicas);
  if (oldCount === 0) return targets;
  const all = newRS ? [newRS, ...old] : [...old];
  const minAvailable = desired - limits.maxUnavailable;
  const newUnavailable = newRS ? Math.max(0, specReplicas(newRS) - statusCount(newRS, "availableReplicas")) : 0;
  let budget = sum(all, specReplicas) - minAvailable - newUnavailable;
  if (budget <= 0) return targets;
  const oldestFirst = [...old].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of oldestFirst) {
    const unhealthy = Math.max(0, specReplicas(rs) - statusCount(rs, "availableReplicas"));
    const cut = Math.min(unhealthy, budget);
    if (cut > 0) targets.set(rs, specReplicas(rs) - cut);
    budget -= cut;
  }
  const available = sum(all, (rs) => statusCount(rs, "availableReplicas"));
  let canRemove = Math.min(budget, available - minAvailable);
  for (const rs of oldestFirst) {
    if (canRemove <= 0) break;
    const size = targets.get(rs) ?? specReplicas(rs);
    const cut = Math.min(size, canRemove);
    if (cut > 0) targets.set(rs, size - cut);
    canRemove -= cut;
  }
  return targets;
}

/** The ReplicaSet a Deployment creates for its current template. */
export function buildReplicaSet(deployment: Workload, hash: string, replicas: number, revision: number, createdMs: number): Workload {
  const template = deployment.spec.template;
  const limits = rolloutLimits(deployment);
  const desired = deployment.spec.replicas ?? 1;
  const labels = { ...template.metadata?.labels, [TEMPLATE_HASH]: hash };
  const selector = deployment.spec.selector ?? {};
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      creationTimestamp: toTimestamp(createdMs),
      labels,
      annotations: { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(desired + limits.maxSurge), [REVISION]: String(revision) },
      ownerReferences: [controllerRefTo(deployment)],
    },
    spec: {
      replicas,
      ...(deployment.spec.minReadySeconds ? { minReadySeconds: deployment.spec.minReadySeconds } : {}),
      selector: { ...selector, matchLabels: { ...selector.matchLabels, [TEMPLATE_HASH]: hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
}
