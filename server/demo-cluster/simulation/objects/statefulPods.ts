import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import { buildPod } from "./podBuilder";
import { computeTemplateHash } from "./templateHash";
import { REVISION_HASH_LABEL } from "./revisions";
import type { Pod, Workload } from "./types";

interface ClaimTemplate {
  metadata: { name: string; labels?: Record<string, string> };
  spec: { accessModes?: string[]; resources?: { requests?: Record<string, string> }; storageClassName?: string };
}

/** A StatefulSet revision's name, which is also its pods' controller-revision-hash label. */
export const statefulSetRevision = (sts: Workload) => `${sts.metadata.name}-${computeTemplateHash(sts.spec.template)}`;

export function claimTemplates(sts: Workload): ClaimTemplate[] {
  return (sts.spec.volumeClaimTemplates as ClaimTemplate[] | undefined) ?? [];
}

export const claimName = (template: ClaimTemplate, sts: KubeObject, ordinal: number) => `${template.metadata.name}-${sts.metadata.name}-${ordinal}`;

/** The pod of one StatefulSet ordinal: stable name and hostname, its claims mounted, labelled with its revision. */
export function buildStatefulPod(sts: Workload, ordinal: number, revision: string, createdMs: number): Pod {
  const name = `${sts.metadata.name}-${ordinal}`;
  const claims = claimTemplates(sts).map((t) => ({ name: t.metadata.name, persistentVolumeClaim: { claimName: claimName(t, sts, ordinal) } }));
  const template = sts.spec.template;
  return buildPod({
    namespace: sts.metadata.namespace ?? "default",
    name,
    template,
    owner: sts,
    labels: { [REVISION_HASH_LABEL]: revision, "statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": String(ordinal) },
    specPatch: {
      hostname: name,
      ...(sts.spec.serviceName ? { subdomain: String(sts.spec.serviceName) } : {}),
      volumes: [...claims, ...(template.spec.volumes ?? [])],
    },
    createdMs,
  });
}

/** A bound PersistentVolumeClaim for one ordinal, as the local-path provisioner would leave it. */
export function buildClaim(sts: Workload, template: ClaimTemplate, ordinal: number, volumeName: string, createdMs: number): KubeObject {
  const storage = template.spec.resources?.requests?.storage ?? "1Gi";
  const accessModes = template.spec.accessModes ?? ["ReadWriteOnce"];
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: {
      name: claimName(template, sts, ordinal),
      namespace: sts.metadata.namespace,
      creationTimestamp: toTimestamp(createdMs),
      labels: { ...sts.spec.selector?.matchLabels, ...template.metadata.labels },
      annotations: {
        "pv.kubernetes.io/bind-completed": "yes",
        "pv.kubernetes.io/bound-by-controller": "yes",
        "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
        "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path",
      },
      finalizers: ["kubernetes.io/pvc-protection"],
    },
    spec: { accessModes, resources: { requests: { storage } }, storageClassName: template.spec.storageClassName ?? "standard", volumeMode: "Filesystem", volumeName },
    status: { phase: "Bound", accessModes, capacity: { storage } },
  };
}

/** The ordinal in a StatefulSet pod's name, or -1 when the name does not have one. */
export function ordinalOf(pod: KubeObject, sts: KubeObject): number {
  const prefix = `${sts.metadata.name}-`;
  if (!pod.metadata.name.startsWith(prefix)) return -1;
  const ordinal = Number(pod.metadata.name.slice(prefix.length));
  return Number.isInteger(ordinal) && ordinal >= 0 ? ordinal : -1;
}
