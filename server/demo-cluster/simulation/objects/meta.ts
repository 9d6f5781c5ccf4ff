import type { KubeObject, OwnerReference } from "@/server/kube/types";

/** The store key of an object: "namespace/name", or "/name" for cluster-scoped ones. */
export function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf("/");
  const namespace = key.slice(0, slash);
  return { namespace: namespace === "" ? undefined : namespace, name: key.slice(slash + 1) };
}

/** An ownerReference to `owner`, marked as its controller the way controllers set it. */
export function controllerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? "v1",
    kind: owner.kind ?? "",
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The owner reference marked controller: true, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

export function isOwnedBy(object: KubeObject, owner: KubeObject): boolean {
  return controllerOf(object)?.uid === owner.metadata.uid;
}

/** The store resource key of an owner kind, for the kinds that own things in this cluster. */
export const resourceOfKind: Readonly<Record<string, string>> = {
  Deployment: "apps/deployments",
  ReplicaSet: "apps/replicasets",
  StatefulSet: "apps/statefulsets",
  DaemonSet: "apps/daemonsets",
  Job: "batch/jobs",
  CronJob: "batch/cronjobs",
  Service: "services",
  Node: "nodes",
  Pod: "pods",
};

export function isTerminating(object: KubeObject): boolean {
  return object.metadata.deletionTimestamp !== undefined;
}
