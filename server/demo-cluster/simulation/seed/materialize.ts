import type { KubeObject } from "@/server/kube/types";
import type { ObjectStore } from "../../store";
import { toTimestamp } from "../clock";
import { buildReplicaSet, REVISION } from "../controllers/deploymentRollout";
import { BEHAVIOR_ANNOTATION } from "../kubelet/behavior";
import { buildDaemonPod, daemonSetHash, shouldRunOn } from "../objects/daemonPods";
import { defaultPodSpec } from "../objects/defaults";
import { defaultJobSpec } from "../objects/jobs";
import { buildPod } from "../objects/podBuilder";
import { buildClaim, buildStatefulPod, claimTemplates, statefulSetRevision } from "../objects/statefulPods";
import { computeTemplateHash } from "../objects/templateHash";
import type { Node, Pod, PodTemplate, Workload } from "../objects/types";
import type { Rng } from "../random";
import { buildService } from "./services";
import type { SeedSettler } from "./settle";
import type { WorkloadDef } from "./workloadDef";

export interface SeedScope {
  store: ObjectStore;
  rng: Rng;
  now: number;
  nodes: Node[];
  settler: SeedSettler;
  nextClusterIP: () => string;
}

function templateOf(def: WorkloadDef): PodTemplate {
  const annotations = { ...def.podAnnotations, ...(def.behavior ? { [BEHAVIOR_ANNOTATION]: def.behavior } : {}) };
  return {
    metadata: { labels: { ...def.selector, ...def.labels }, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: defaultPodSpec({ ...def.podSpec, containers: def.containers }),
  };
}

function workloadObject(def: WorkloadDef, apiVersion: string, spec: Record<string, unknown>, createdMs: number, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion,
    kind: def.kind,
    metadata: { name: def.name, namespace: def.namespace, creationTimestamp: toTimestamp(createdMs), labels: { ...def.selector, ...def.labels }, ...(annotations ? { annotations } : {}) },
    spec,
  };
}

/** Creates a settled pod; back-off messages name the pod's uid, which only exists once it is stored. */
function createPod(scope: SeedScope, pod: Pod): void {
  const created = scope.store.create("pods", pod) as Pod;
  const needsUid = created.status?.containerStatuses?.some((s) => s.state.waiting?.message?.includes("()"));
  if (!needsUid) return;
  scope.store.mutate("pods", created.metadata.namespace, created.metadata.name, (draft) => {
    for (const s of (draft as Pod).status?.containerStatuses ?? []) {
      if (s.state.waiting?.message) s.state.waiting.message = s.state.waiting.message.replace("()", `(${created.metadata.uid})`);
    }
  });
}

/** Pods start a little after their owner, each at its own moment. */
const podCreated = (scope: SeedScope, createdMs: number) => Math.min(scope.now, createdMs + 1000 + scope.rng.int(0, 4000));

function seedDeployment(scope: SeedScope, def: WorkloadDef, createdMs: number): void {
  const replicas = def.replicas ?? 1;
  const spec = { replicas, selector: { matchLabels: def.selector }, template: templateOf(def), strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 };
  const deployment = scope.store.create("apps/deployments", workloadObject(def, "apps/v1", spec, createdMs, { [REVISION]: "1" })) as Workload;
  const hash = computeTemplateHash(deployment.spec.template);
  const rs = scope.store.create("apps/replicasets", buildReplicaSet(deployment, hash, replicas, 1, createdMs)) as Workload;
  for (let i = 0; i < replicas; i++) {
    const podMs = podCreated(scope, createdMs);
    const pod = buildPod({ namespace: def.namespace, name: `${rs.metadata.name}-${scope.rng.suffix()}`, template: rs.spec.template, owner: rs, createdMs: podMs });
    createPod(scope, scope.settler.settle(pod, podMs, scope.now));
  }
}

function seedStatefulSet(scope: SeedScope, def: WorkloadDef, createdMs: number): void {
  const claims = (def.volumeClaims ?? []).map((c) => ({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: c.name }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: c.storage } }, volumeMode: "Filesystem" }, status: { phase: "Pending" } }));
  const spec = {
    replicas: def.replicas ?? 1, selector: { matchLabels: def.selector }, serviceName: def.name, template: templateOf(def), volumeClaimTemplates: claims,
    podManagementPolicy: "OrderedReady", updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10,
    persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
  };
  const sts = scope.store.create("apps/statefulsets", workloadObject(def, "apps/v1", spec, createdMs)) as Workload;
  const revision = statefulSetRevision(sts);
  for (let ordinal = 0; ordinal < (def.replicas ?? 1); ordinal++) {
    const podMs = Math.min(scope.now, createdMs + ordinal * 15_000 + scope.rng.int(1000, 5000));
    for (const template of claimTemplates(sts)) scope.store.create("persistentvolumeclaims", buildClaim(sts, template, ordinal, `pvc-${scope.rng.uuid()}`, podMs));
    createPod(scope, scope.settler.settle(buildStatefulPod(sts, ordinal, revision, podMs), podMs, scope.now));
  }
}

function seedDaemonSet(scope: SeedScope, def: WorkloadDef, createdMs: number): void {
  const spec = { selector: { matchLabels: def.selector }, template: templateOf(def), updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 };
  const ds = scope.store.create("apps/daemonsets", workloadObject(def, "apps/v1", spec, createdMs)) as Workload;
  const hash = daemonSetHash(ds);
  for (const node of scope.nodes) {
    if (!shouldRunOn(ds, node)) continue;
    const podMs = Math.max(createdMs, Date.parse(node.metadata.creationTimestamp ?? "") || createdMs) + scope.rng.int(1000, 5000);
    const pod = buildDaemonPod(ds, node, `${def.name}-${scope.rng.suffix()}`, hash, Math.min(podMs, scope.now));
    createPod(scope, scope.settler.settle(pod, Math.min(podMs, scope.now), scope.now, node));
  }
}

function seedBatch(scope: SeedScope, def: WorkloadDef, createdMs: number): void {
  const template = templateOf(def);
  const jobSpec = { ...(def.backoffLimit !== undefined ? { backoffLimit: def.backoffLimit } : {}), template };
  if (def.kind === "Job") {
    scope.store.create("batch/jobs", workloadObject(def, "batch/v1", defaultJobSpec(jobSpec), createdMs));
    return;
  }
  const spec = { schedule: def.schedule ?? "*/5 * * * *", concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { metadata: {}, spec: defaultJobSpec(jobSpec) } };
  scope.store.create("batch/cronjobs", workloadObject(def, "batch/v1", spec, createdMs));
}

/** Creates a workload's objects and its pods as they would look after running since their creation. */
export function materialize(scope: SeedScope, def: WorkloadDef): void {
  const createdMs = scope.now - def.ageMs;
  if (def.kind === "Deployment") seedDeployment(scope, def, createdMs);
  else if (def.kind === "StatefulSet") seedStatefulSet(scope, def, createdMs);
  else if (def.kind === "DaemonSet") seedDaemonSet(scope, def, createdMs);
  else if (def.kind === "CronJob" || def.kind === "Job") seedBatch(scope, def, createdMs);
  else {
    const pod: Pod = buildPod({ namespace: def.namespace, name: def.name, template: templateOf(def), createdMs });
    createPod(scope, scope.settler.settle(pod, createdMs, scope.now));
  }
  if (def.service) scope.store.create("services", buildService(def, def.service, def.service.headless ? "None" : (def.service.clusterIP ?? scope.nextClusterIP()), createdMs));
}
