// The kinds the shared cache lists and watches, and where each lives in the API.

export type ResourceKind =
  | "pods" | "nodes" | "namespaces" | "deployments" | "replicasets" | "statefulsets" | "daemonsets"
  | "jobs" | "cronjobs" | "services" | "endpointslices" | "ingresses" | "events" | "persistentvolumeclaims";

export interface ResourceKindInfo {
  kind: ResourceKind;
  /** API group; "" for the core group. */
  group: string;
  version: string;
  /** The plural resource name used in paths, e.g. "pods". */
  plural: string;
  /** The `kind` field of one object, e.g. "Pod". */
  objectKind: string;
  namespaced: boolean;
  /** The collection path: cluster-wide without a namespace, else inside it. */
  listPath(namespace?: string): string;
}

function defineKind(kind: ResourceKind, group: string, version: string, objectKind: string, namespaced: boolean): ResourceKindInfo {
  const prefix = group === "" ? `/api/${version}` : `/apis/${group}/${version}`;
  return {
    kind,
    group,
    version,
    plural: kind,
    objectKind,
    namespaced,
    listPath(namespace?: string): string {
      if (namespace === undefined || !namespaced) return `${prefix}/${kind}`;
      return `${prefix}/namespaces/${encodeURIComponent(namespace)}/${kind}`;
    },
  };
}

export const resourceKinds: readonly ResourceKindInfo[] = Object.freeze([
  defineKind("pods", "", "v1", "Pod", true),
  defineKind("nodes", "", "v1", "Node", false),
  defineKind("namespaces", "", "v1", "Namespace", false),
  defineKind("deployments", "apps", "v1", "Deployment", true),
  defineKind("replicasets", "apps", "v1", "ReplicaSet", true),
  defineKind("statefulsets", "apps", "v1", "StatefulSet", true),
  defineKind("daemonsets", "apps", "v1", "DaemonSet", true),
  defineKind("jobs", "batch", "v1", "Job", true),
  defineKind("cronjobs", "batch", "v1", "CronJob", true),
  defineKind("services", "", "v1", "Service", true),
  defineKind("endpointslices", "discovery.k8s.io", "v1", "EndpointSlice", true),
  defineKind("ingresses", "networking.k8s.io", "v1", "Ingress", true),
  defineKind("events", "", "v1", "Event", true),
  defineKind("persistentvolumeclaims", "", "v1", "PersistentVolumeClaim", true),
]);

const kindsByName = new Map(resourceKinds.map((info) => [info.kind, info]));

export function kindInfo(kind: ResourceKind): ResourceKindInfo {
  const info = kindsByName.get(kind);
  if (!info) throw new Error(`unknown resource kind "${kind}"; known: ${[...kindsByName.keys()].join(", ")}`);
  return info;
}

/** The `apiVersion` field of one object of this kind, e.g. "apps/v1". */
export function apiVersionOf(info: ResourceKindInfo): string {
  return info.group === "" ? info.version : `${info.group}/${info.version}`;
}
