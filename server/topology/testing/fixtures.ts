import type { KubeObject, Node, OwnerReference, Pod } from "@/lib/k8s/types";
import { UsageSamples } from "../../kube/usage/usageLookup";

// Small Kubernetes objects for topology tests; uids are readable so assertions can name them.

export function ownerRef(kind: string, name: string, uid: string): OwnerReference {
  return { apiVersion: "apps/v1", kind, name, uid, controller: true };
}

export interface PodOptions {
  node?: string;
  owner?: OwnerReference;
  phase?: string;
  ready?: boolean;
  waiting?: string;
  restarts?: number;
  deleting?: boolean;
  labels?: Record<string, string>;
  containers?: string[];
}

export function pod(name: string, namespace: string, options: PodOptions = {}): Pod {
  const containers = options.containers ?? ["app"];
  const state = options.waiting ? { waiting: { reason: options.waiting } } : { running: { startedAt: "2026-01-01T00:00:00Z" } };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      uid: `pod-${namespace}-${name}`,
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.owner ? { ownerReferences: [options.owner] } : {}),
      ...(options.deleting ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
    },
    spec: { ...(options.node ? { nodeName: options.node } : {}), containers: containers.map((c) => ({ name: c, image: `registry.local/${c}:1` })) },
    status: {
      phase: options.phase ?? "Running",
      conditions: [{ type: "Ready", status: options.ready === false || options.waiting ? "False" : "True" }],
      containerStatuses: containers.map((c) => ({ name: c, ready: options.ready !== false && !options.waiting, restartCount: options.restarts ?? 0, state })),
    },
  };
}

export function host(name: string, options: { ready?: boolean; cordoned?: boolean } = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `node-${name}` },
    spec: options.cordoned ? { unschedulable: true } : {},
    status: { conditions: [{ type: "Ready", status: options.ready === false ? "False" : "True" }] },
  };
}

export function workload(kind: string, name: string, namespace: string, owner?: OwnerReference, extra: Partial<KubeObject> = {}): KubeObject {
  return { kind, metadata: { name, namespace, uid: `${kind.toLowerCase()}-${namespace}-${name}`, ...(owner ? { ownerReferences: [owner] } : {}) }, ...extra };
}

export function namespace(name: string, phase = "Active"): KubeObject {
  return { kind: "Namespace", metadata: { name, uid: `ns-${name}` }, status: { phase } };
}

export const uidOf = (object: KubeObject): string => object.metadata.uid!;

/** Usage samples as the poller holds them: pods by "namespace/name" and nodes by name, each [millicores, bytes]. */
export function usageSamples(pods: Record<string, [number, number]>, nodes: Record<string, [number, number]> = {}): UsageSamples {
  const toMap = (entries: Record<string, [number, number]>) => new Map(Object.entries(entries).map(([key, [cpuMillicores, memoryBytes]]) => [key, { cpuMillicores, memoryBytes }]));
  return new UsageSamples(toMap(pods), toMap(nodes));
}
