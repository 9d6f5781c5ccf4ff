import type { KubeObject, Pod, Workload } from "./types";

export type ControllerKind = "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job" | "CronJob";

export interface WorkloadGroup {
  kind: ControllerKind;
  /** The stream/route kind of the controller, e.g. "deployments". */
  resource: "deployments" | "statefulsets" | "daemonsets" | "replicasets" | "jobs" | "cronjobs";
  object: Workload;
  pods: Pod[];
  /** Readiness as kubectl shows it: "2/3" replicas, "1/1" completions, "1 active". */
  progress: string;
  /** True when every desired replica is ready (or the job/cronjob is not failing). */
  healthy: boolean;
}

export interface WorkloadInput {
  deployments: readonly Workload[];
  replicasets: readonly Workload[];
  statefulsets: readonly Workload[];
  daemonsets: readonly Workload[];
  jobs: readonly Workload[];
  cronjobs: readonly Workload[];
  pods: readonly Pod[];
}

export interface GroupedWorkloads {
  groups: WorkloadGroup[];
  /** Pods that no listed controller owns. */
  standalonePods: Pod[];
}

export function controllerOf(object: KubeObject): { kind: string; uid: string } | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller) ?? undefined;
}

function describeProgress(kind: ControllerKind, w: Workload): { progress: string; healthy: boolean } {
  const s = w.status ?? {};
  if (kind === "DaemonSet") return ratio(s.numberReady ?? 0, s.desiredNumberScheduled ?? 0);
  if (kind === "Job") return { progress: `${s.succeeded ?? 0}/${w.spec?.completions ?? 1}`, healthy: (s.failed ?? 0) === 0 };
  if (kind === "CronJob") {
    const active = Array.isArray(s.active) ? s.active.length : (s.active ?? 0);
    return { progress: `${active} active`, healthy: true };
  }
  return ratio(s.readyReplicas ?? 0, w.spec?.replicas ?? 1);
}

function ratio(ready: number, desired: number) {
  return { progress: `${ready}/${desired}`, healthy: ready >= desired };
}

const resources = {
  Deployment: "deployments",
  StatefulSet: "statefulsets",
  DaemonSet: "daemonsets",
  ReplicaSet: "replicasets",
  Job: "jobs",
  CronJob: "cronjobs",
} as const;

function makeGroup(kind: ControllerKind, object: Workload): WorkloadGroup {
  return { kind, resource: resources[kind], object, pods: [], ...describeProgress(kind, object) };
}

/** Groups pods under their top controller: ReplicaSets fold into Deployments and Jobs into CronJobs. */
export function groupWorkloads(input: WorkloadInput): GroupedWorkloads {
  const byUid = new Map<string, WorkloadGroup>();
  const groups: WorkloadGroup[] = [];
  const add = (kind: ControllerKind, object: Workload) => {
    const group = makeGroup(kind, object);
    groups.push(group);
    if (object.metadata.uid) byUid.set(object.metadata.uid, group);
  };
  input.deployments.forEach((d) => add("Deployment", d));
  input.statefulsets.forEach((s) => add("StatefulSet", s));
  input.daemonsets.forEach((d) => add("DaemonSet", d));
  input.cronjobs.forEach((c) => add("CronJob", c));
  foldInto(byUid, input.replicasets, (rs) => add("ReplicaSet", rs));
  foldInto(byUid, input.jobs, (job) => add("Job", job));
  const standalonePods: Pod[] = [];
  for (const pod of input.pods) {
    const owner = controllerOf(pod);
    const group = owner ? byUid.get(owner.uid) : undefined;
    if (group) group.pods.push(pod);
    else standalonePods.push(pod);
  }
  return { groups, standalonePods };
}

// A child controller (ReplicaSet, Job) whose owner is listed maps onto the owner's group; others stand alone.
function foldInto(byUid: Map<string, WorkloadGroup>, children: readonly Workload[], standAlone: (child: Workload) => void) {
  for (const child of children) {
    const owner = controllerOf(child);
    const parent = owner ? byUid.get(owner.uid) : undefined;
    if (parent && child.metadata.uid) byUid.set(child.metadata.uid, parent);
    else if (!parent) standAlone(child);
  }
}
