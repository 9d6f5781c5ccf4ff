import type { KubeObject } from "@/server/kube/types";
import { parseTimestamp, toTimestamp } from "../clock";
import type { Condition, Workload } from "../objects/types";
import { rolloutLimits, statusCount } from "./deploymentRollout";
import { omitEmpty } from "./helpers";

export interface DeploymentView {
  deployment: Workload;
  newRS: KubeObject | undefined;
  all: readonly KubeObject[];
  now: number;
  /** Whether this sync created or resized a ReplicaSet. */
  scaled: boolean;
}

type ConditionFields = Pick<Condition, "type" | "status" | "reason" | "message">;

const sum = (items: readonly KubeObject[], field: string) => items.reduce((total, rs) => total + statusCount(rs, field), 0);

/** A deployment condition that keeps its times unless its content (or, with `updatedAt`, its progress) changes. */
function condition(previous: Condition | undefined, next: ConditionFields, at: number, updatedAt?: number): Condition {
  const same = previous?.status === next.status && previous.reason === next.reason && previous.message === next.message;
  return {
    ...next,
    lastUpdateTime: updatedAt !== undefined ? toTimestamp(updatedAt) : same ? previous!.lastUpdateTime : toTimestamp(at),
    lastTransitionTime: previous?.status === next.status ? previous.lastTransitionTime : toTimestamp(at),
  };
}

interface Counts {
  replicas: number;
  updated: number;
  ready: number;
  available: number;
}

/** Like util.DeploymentProgressing: more updated/ready/available pods or fewer old ones. */
function madeProgress(before: Record<string, unknown> | undefined, now: Counts): boolean {
  const prev = (field: string) => Number(before?.[field] ?? 0);
  return now.updated > prev("updatedReplicas") || now.ready > prev("readyReplicas") || now.available > prev("availableReplicas") || now.replicas - now.updated < prev("replicas") - prev("updatedReplicas");
}

function progressingCondition(view: DeploymentView, counts: Counts, previous: Condition | undefined): Condition {
  const { deployment, newRS, now } = view;
  const desired = deployment.spec.replicas ?? 1;
  const rsName = newRS?.metadata.name ?? deployment.metadata.name;
  // First look: progress is counted from when the current ReplicaSet was made.
  const firstSeen = previous ? now : (parseTimestamp(newRS?.metadata.creationTimestamp) ?? now);
  if (counts.updated === desired && counts.replicas === desired && counts.available === desired) {
    return condition(previous, { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rsName}" has successfully progressed.` }, firstSeen);
  }
  const progressed = view.scaled || (previous !== undefined && madeProgress(deployment.status, counts));
  if (previous?.reason === "ProgressDeadlineExceeded" && !progressed) return previous;
  const lastProgress = progressed ? now : (parseTimestamp(previous?.lastUpdateTime) ?? firstSeen);
  const deadlineMs = Number(deployment.spec.progressDeadlineSeconds ?? 600) * 1000;
  if (now - lastProgress > deadlineMs) {
    return condition(previous, { type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: `ReplicaSet "${rsName}" has timed out progressing.` }, now);
  }
  return condition(previous, { type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: `ReplicaSet "${rsName}" is progressing.` }, now, lastProgress);
}

/** The Deployment status kubectl rollout status reads: counts over its ReplicaSets and the two conditions. */
export function deploymentStatus(view: DeploymentView): Record<string, unknown> {
  const { deployment, newRS, all, now } = view;
  const desired = deployment.spec.replicas ?? 1;
  const counts: Counts = {
    replicas: sum(all, "replicas"),
    updated: newRS ? statusCount(newRS, "replicas") : 0,
    ready: sum(all, "readyReplicas"),
    available: sum(all, "availableReplicas"),
  };
  const previous = (deployment.status?.conditions as Condition[] | undefined) ?? [];
  const previousAvailable = previous.find((c) => c.type === "Available");
  const minAvailable = desired - rolloutLimits(deployment).maxUnavailable;
  const available: ConditionFields = counts.available >= minAvailable
    ? { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }
    : { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." };
  const availableAt = previousAvailable ? now : (parseTimestamp(newRS?.metadata.creationTimestamp) ?? now);
  return {
    ...omitEmpty({
      observedGeneration: deployment.metadata.generation,
      replicas: counts.replicas,
      updatedReplicas: counts.updated,
      readyReplicas: counts.ready,
      availableReplicas: counts.available,
      unavailableReplicas: Math.max(0, desired - counts.available),
    }),
    conditions: [condition(previousAvailable, available, availableAt), progressingCondition(view, counts, previous.find((c) => c.type === "Progressing"))],
    ...(deployment.status?.collisionCount ? { collisionCount: deployment.status.collisionCount } : {}),
  };
}
