import type { ResourceKey } from "./store";

export interface SubresourceInfo {
  name: string;
  kind: string;
  /** Set when the subresource speaks another group's type (Scale is autoscaling/v1, Eviction policy/v1). */
  group?: string;
  version?: string;
  verbs: string[];
}

/**
 * How a resource is served: from the ObjectStore, by the built-in review handlers (create only),
 * or by routes another part of the demo cluster registers (metrics.k8s.io).
 */
export type ResourceBacking = "store" | "review" | "registered";

export interface ResourceInfo {
  /** "" for the core group. */
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceInfo[];
  backing: ResourceBacking;
}

const crud = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const statusSub = (kind: string): SubresourceInfo => ({ name: "status", kind, verbs: ["get", "patch", "update"] });
const scaleSub: SubresourceInfo = { name: "scale", kind: "Scale", group: "autoscaling", version: "v1", verbs: ["get", "patch", "update"] };
const all = ["all"];

function store(group: string, plural: string, kind: string, namespaced: boolean, extra: Partial<ResourceInfo> = {}): ResourceInfo {
  return { group, version: "v1", plural, singular: kind.toLowerCase(), kind, namespaced, verbs: crud, backing: "store", ...extra };
}

function review(group: string, plural: string, kind: string, namespaced = false): ResourceInfo {
  return { group, version: "v1", plural, singular: kind.toLowerCase(), kind, namespaced, verbs: ["create"], backing: "review" };
}

function metrics(plural: string, kind: string, namespaced: boolean): ResourceInfo {
  return { group: "metrics.k8s.io", version: "v1beta1", plural, singular: "", kind, namespaced, verbs: ["get", "list"], backing: "registered" };
}

/** Everything the demo apiserver serves, in discovery order. */
export const resources: readonly ResourceInfo[] = [
  store("", "namespaces", "Namespace", false, { shortNames: ["ns"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], subresources: [statusSub("Namespace"), { name: "finalize", kind: "Namespace", verbs: ["update"] }] }),
  store("", "nodes", "Node", false, { shortNames: ["no"], subresources: [statusSub("Node"), { name: "proxy", kind: "NodeProxyOptions", verbs: ["create", "delete", "get", "patch", "update"] }] }),
  store("", "pods", "Pod", true, {
    shortNames: ["po"],
    categories: all,
    subresources: [
      { name: "attach", kind: "PodAttachOptions", verbs: ["create", "get"] },
      { name: "eviction", kind: "Eviction", group: "policy", version: "v1", verbs: ["create"] },
      { name: "exec", kind: "PodExecOptions", verbs: ["create", "get"] },
      { name: "log", kind: "Pod", verbs: ["get"] },
      statusSub("Pod"),
    ],
  }),
  store("", "services", "Service", true, { shortNames: ["svc"], categories: all, verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], subresources: [statusSub("Service")] }),
  store("", "endpoints", "Endpoints", true, { singular: "endpoints", shortNames: ["ep"] }),
  store("", "events", "Event", true, { shortNames: ["ev"] }),
  store("", "configmaps", "ConfigMap", true, { shortNames: ["cm"] }),
  store("", "secrets", "Secret", true),
  store("", "serviceaccounts", "ServiceAccount", true, { shortNames: ["sa"] }),
  store("", "persistentvolumeclaims", "PersistentVolumeClaim", true, { shortNames: ["pvc"], subresources: [statusSub("PersistentVolumeClaim")] }),
  store("", "persistentvolumes", "PersistentVolume", false, { shortNames: ["pv"], subresources: [statusSub("PersistentVolume")] }),
  store("apps", "deployments", "Deployment", true, { shortNames: ["deploy"], categories: all, subresources: [scaleSub, statusSub("Deployment")] }),
  store("apps", "replicasets", "ReplicaSet", true, { shortNames: ["rs"], categories: all, subresources: [scaleSub, statusSub("ReplicaSet")] }),
  store("apps", "statefulsets", "StatefulSet", true, { shortNames: ["sts"], categories: all, subresources: [scaleSub, statusSub("StatefulSet")] }),
  store("apps", "daemonsets", "DaemonSet", true, { shortNames: ["ds"], categories: all, subresources: [statusSub("DaemonSet")] }),
  store("apps", "controllerrevisions", "ControllerRevision", true),
  store("batch", "jobs", "Job", true, { categories: all, subresources: [statusSub("Job")] }),
  store("batch", "cronjobs", "CronJob", true, { shortNames: ["cj"], categories: all, subresources: [statusSub("CronJob")] }),
  store("discovery.k8s.io", "endpointslices", "EndpointSlice", true),
  store("networking.k8s.io", "ingresses", "Ingress", true, { shortNames: ["ing"], subresources: [statusSub("Ingress")] }),
  store("policy", "poddisruptionbudgets", "PodDisruptionBudget", true, { shortNames: ["pdb"], subresources: [statusSub("PodDisruptionBudget")] }),
  store("coordination.k8s.io", "leases", "Lease", true),
  store("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", false),
  store("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false),
  store("rbac.authorization.k8s.io", "rolebindings", "RoleBinding", true),
  store("rbac.authorization.k8s.io", "roles", "Role", true),
  review("authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview"),
  review("authorization.k8s.io", "selfsubjectrulesreviews", "SelfSubjectRulesReview"),
  review("authorization.k8s.io", "subjectaccessreviews", "SubjectAccessReview"),
  review("authorization.k8s.io", "localsubjectaccessreviews", "LocalSubjectAccessReview", true),
  review("authentication.k8s.io", "selfsubjectreviews", "SelfSubjectReview"),
  metrics("nodes", "NodeMetrics", false),
  metrics("pods", "PodMetrics", true),
];

/** "v1" for core, "apps/v1" otherwise. */
export function groupVersionOf(info: Pick<ResourceInfo, "group" | "version">): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** The ObjectStore key: "pods", "apps/deployments". */
export function storeKeyOf(info: ResourceInfo): ResourceKey {
  return info.group ? `${info.group}/${info.plural}` : info.plural;
}

/** How kube-apiserver names a resource in messages: "pods", "deployments.apps". */
export function qualifiedName(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

const byPath = new Map(resources.map((r) => [`${groupVersionOf(r)}/${r.plural}`, r]));
const byStoreKey = new Map(resources.filter((r) => r.backing === "store").map((r) => [storeKeyOf(r), r]));

export function findResource(groupVersion: string, plural: string): ResourceInfo | undefined {
  return byPath.get(`${groupVersion}/${plural}`);
}

export function resourceForStoreKey(key: ResourceKey): ResourceInfo | undefined {
  return byStoreKey.get(key);
}

export function hasSubresource(info: ResourceInfo, name: string): boolean {
  return info.subresources?.some((s) => s.name === name) ?? false;
}

/** Group versions in discovery order, each with its resources. */
export function groupVersions(): { group: string; version: string; resources: ResourceInfo[] }[] {
  const out: { group: string; version: string; resources: ResourceInfo[] }[] = [];
  for (const info of resources) {
    const existing = out.find((gv) => gv.group === info.group && gv.version === info.version);
    if (existing) existing.resources.push(info);
    else out.push({ group: info.group, version: info.version, resources: [info] });
  }
  return out;
}
