import type { KubeObject } from "@/lib/k8s/types";

/** A controller's rollout as a person checks it: how many pods it wants, and how many are updated, ready and available. */
export interface WorkloadSummary {
  replicas: { desired?: number; updated?: number; ready?: number; available?: number };
  strategy?: string;
  selector: Record<string, string>;
  /** matchExpressions as "key In (a, b)" text. */
  selectorExpressions: string[];
  revision?: string;
}

interface WorkloadSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number } };
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: string | number; maxSurge?: string | number; partition?: number } };
  podManagementPolicy?: string;
}
type WorkloadStatus = Record<string, number | string | undefined>;

function describeStrategy(kind: string | undefined, spec: WorkloadSpec): string | undefined {
  const strategy = kind === "Deployment" ? spec.strategy : spec.updateStrategy;
  if (!strategy?.type) return undefined;
  const rolling = strategy.rollingUpdate;
  const details = [
    rolling?.maxSurge !== undefined ? `max surge ${rolling.maxSurge}` : undefined,
    rolling?.maxUnavailable !== undefined ? `max unavailable ${rolling.maxUnavailable}` : undefined,
    rolling && "partition" in rolling && rolling.partition ? `partition ${rolling.partition}` : undefined,
    kind === "StatefulSet" && spec.podManagementPolicy ? `pods ${spec.podManagementPolicy}` : undefined,
  ].filter(Boolean);
  return details.length > 0 ? `${strategy.type} (${details.join(", ")})` : strategy.type;
}

function describeRevision(object: KubeObject, status: WorkloadStatus): string | undefined {
  if (object.kind === "Deployment") return object.metadata.annotations?.["deployment.kubernetes.io/revision"];
  if (object.kind === "StatefulSet") {
    const { currentRevision, updateRevision } = status;
    if (!currentRevision && !updateRevision) return undefined;
    return currentRevision === updateRevision || !updateRevision ? String(currentRevision) : `${currentRevision} → ${updateRevision}`;
  }
  const generation = (object.metadata as { generation?: number }).generation;
  return generation === undefined ? undefined : `generation ${generation}${status.observedGeneration !== undefined && status.observedGeneration !== generation ? ` (controller has seen ${status.observedGeneration})` : ""}`;
}

const count = (value: number | string | undefined, fallback?: number) => (typeof value === "number" ? value : fallback);

/** Replicas, strategy, selector and revision of a Deployment, StatefulSet or DaemonSet, each in its own fields. */
export function summarizeWorkload(object: KubeObject): WorkloadSummary {
  const spec = (object.spec ?? {}) as WorkloadSpec;
  const status = (object.status ?? {}) as WorkloadStatus;
  const replicas =
    object.kind === "DaemonSet"
      ? { desired: count(status.desiredNumberScheduled), updated: count(status.updatedNumberScheduled, 0), ready: count(status.numberReady, 0), available: count(status.numberAvailable, 0) }
      : { desired: spec.replicas ?? 1, updated: count(status.updatedReplicas, 0), ready: count(status.readyReplicas, 0), available: count(status.availableReplicas, 0) };
  return {
    replicas,
    strategy: describeStrategy(object.kind, spec),
    selector: spec.selector?.matchLabels ?? {},
    selectorExpressions: (spec.selector?.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(", ")})` : ""}`),
    revision: describeRevision(object, status),
  };
}

export const isRolledOutKind = (kind: string | undefined): boolean => kind === "Deployment" || kind === "StatefulSet" || kind === "DaemonSet";
