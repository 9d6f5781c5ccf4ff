import type { KubeObject } from "@/server/kube/types";
import { parseTimestamp } from "../clock";
import type { SimContext } from "../context";
import { isPodReady } from "../kubelet/podPhase";
import { buildPod } from "../objects/podBuilder";
import { stableStringify } from "../objects/templateHash";
import type { Pod, PodSpec, PodTemplate } from "../objects/types";

/** Writes `status` only when it differs, so an idle cluster produces no watch events. */
export function writeStatus(ctx: SimContext, resource: string, object: KubeObject, status: Record<string, unknown>): KubeObject {
  if (stableStringify(object.status ?? {}) === stableStringify(status)) return object;
  return ctx.store.mutate(resource, object.metadata.namespace, object.metadata.name, (draft) => {
    draft.status = status;
  });
}

/** Drops zero and empty fields, as Go's omitempty does in real status objects. */
export function omitEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === 0 || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** A pod that counts toward its controller's replicas: not being deleted and not finished. */
export function isActivePod(pod: KubeObject): boolean {
  const phase = (pod as Pod).status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed";
}

/** Ready for at least minReadySeconds. */
export function isAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod as Pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = parseTimestamp((pod as Pod).status?.conditions?.find((c) => c.type === "Ready")?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** A free generated name: prefix + five safe characters. */
export function generateName(ctx: SimContext, resource: string, namespace: string | undefined, prefix: string): string {
  for (;;) {
    const name = `${prefix}${ctx.rng.suffix(5)}`;
    if (!ctx.store.get(resource, namespace, name)) return name;
  }
}

export interface OwnedPodInput {
  owner: KubeObject;
  template: PodTemplate;
  /** A fixed name (StatefulSet), or a generateName prefix. */
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  specPatch?: Partial<PodSpec>;
}

export function createOwnedPod(ctx: SimContext, input: OwnedPodInput): Pod {
  const namespace = input.owner.metadata.namespace ?? "default";
  const name = input.name ?? generateName(ctx, "pods", namespace, input.generateName ?? `${input.owner.metadata.name}-`);
  const pod = buildPod({ namespace, name, template: input.template, owner: input.owner, labels: input.labels, specPatch: input.specPatch, createdMs: ctx.clock.now() });
  return ctx.store.create("pods", pod) as Pod;
}

function deletionRank(pod: Pod): number {
  if (!pod.spec.nodeName) return 0;
  if (pod.status?.phase === "Pending") return 1;
  if (!isPodReady(pod)) return 2;
  return 3;
}

/** The order a ReplicaSet scales down in: unscheduled, pending, not ready, then the newest first. */
export function deletionOrder(pods: readonly KubeObject[]): Pod[] {
  return [...(pods as Pod[])].sort((a, b) => {
    const rank = deletionRank(a) - deletionRank(b);
    if (rank !== 0) return rank;
    const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((sum, s) => sum + s.restartCount, 0);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    return (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? "");
  });
}

/** Runs `fn` every `intervalMs` of simulated time, for periodic resyncs. */
export function every(intervalMs: number, fn: (now: number) => void): (now: number) => void {
  let last: number | undefined;
  return (now) => {
    if (last !== undefined && now - last < intervalMs) return;
    last = now;
    fn(now);
  };
}
