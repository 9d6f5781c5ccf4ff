import { clusterScopedKinds, isStreamResourceKind, type StreamResourceKind } from "../wire/stream";
import type { KubeObject } from "./types";

/** Names one object: "pods/shop/frontend-1" or, cluster-scoped, "nodes/node-1". */
export interface ObjectRef {
  resource: StreamResourceKind;
  namespace?: string;
  name: string;
}

export function formatObjectRef(ref: ObjectRef): string {
  return ref.namespace ? `${ref.resource}/${ref.namespace}/${ref.name}` : `${ref.resource}/${ref.name}`;
}

export function refOf(resource: StreamResourceKind, object: KubeObject): ObjectRef {
  return { resource, namespace: clusterScopedKinds.has(resource) ? undefined : object.metadata.namespace, name: object.metadata.name };
}

/** Reads an ObjectRef back; undefined for an unknown kind or a path of the wrong length. */
export function parseObjectRef(text: string): ObjectRef | undefined {
  const parts = text.split("/");
  const [resource, ...rest] = parts;
  if (!resource || !isStreamResourceKind(resource) || rest.some((p) => p === "")) return undefined;
  if (clusterScopedKinds.has(resource)) return rest.length === 1 ? { resource, name: rest[0]! } : undefined;
  return rest.length === 2 ? { resource, namespace: rest[0]!, name: rest[1]! } : undefined;
}

const kindToResource: Record<string, StreamResourceKind> = {
  Pod: "pods",
  Node: "nodes",
  Namespace: "namespaces",
  Deployment: "deployments",
  ReplicaSet: "replicasets",
  StatefulSet: "statefulsets",
  DaemonSet: "daemonsets",
  Job: "jobs",
  CronJob: "cronjobs",
  Service: "services",
  EndpointSlice: "endpointslices",
  Ingress: "ingresses",
  Event: "events",
  PersistentVolumeClaim: "persistentvolumeclaims",
};

/** The stream kind for an object `kind` ("Deployment" → "deployments"), when Orrery watches it. */
export function resourceForKind(kind: string): StreamResourceKind | undefined {
  return kindToResource[kind];
}
