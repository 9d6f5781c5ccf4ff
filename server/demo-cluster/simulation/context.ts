import type { KubeObject } from "@/server/kube/types";
import type { ObjectStore } from "../store";
import type { Clock } from "./clock";
import type { EventRecorder } from "./events";
import { byControllerUid, byNamespace, byNodeName, byUid, Informer } from "./informer";
import type { Rng } from "./random";
import type { ControllerRunner } from "./runner";

/** The informers the controllers share, one list+watch per resource. */
export interface Informers {
  pods: Informer;
  nodes: Informer;
  namespaces: Informer;
  deployments: Informer;
  replicaSets: Informer;
  statefulSets: Informer;
  daemonSets: Informer;
  controllerRevisions: Informer;
  jobs: Informer;
  cronJobs: Informer;
  services: Informer;
  endpointSlices: Informer;
  persistentVolumeClaims: Informer;
  podDisruptionBudgets: Informer;
}

export function createInformers(store: ObjectStore): Informers {
  const owned = { owner: byControllerUid };
  const owner = { uid: byUid };
  return {
    pods: new Informer(store, "pods", { owner: byControllerUid, node: byNodeName, namespace: byNamespace }),
    nodes: new Informer(store, "nodes", owner),
    namespaces: new Informer(store, "namespaces"),
    deployments: new Informer(store, "apps/deployments", owner),
    replicaSets: new Informer(store, "apps/replicasets", { ...owned, ...owner }),
    statefulSets: new Informer(store, "apps/statefulsets", owner),
    daemonSets: new Informer(store, "apps/daemonsets", owner),
    controllerRevisions: new Informer(store, "apps/controllerrevisions", owned),
    jobs: new Informer(store, "batch/jobs", { ...owned, ...owner }),
    cronJobs: new Informer(store, "batch/cronjobs", owner),
    services: new Informer(store, "services", { namespace: byNamespace, ...owner }),
    endpointSlices: new Informer(store, "discovery.k8s.io/endpointslices", owned),
    persistentVolumeClaims: new Informer(store, "persistentvolumeclaims"),
    podDisruptionBudgets: new Informer(store, "policy/poddisruptionbudgets", { namespace: byNamespace }),
  };
}

export function stopInformers(informers: Informers): void {
  for (const informer of Object.values(informers)) informer.stop();
}

/** Deletes a pod the way a controller asks the apiserver to: gracefully, with a Terminating phase. */
export interface PodTerminator {
  terminate(pod: KubeObject): void;
}

/** What every controller gets: storage, time, randomness, the shared informers and the event recorder. */
export interface SimContext {
  store: ObjectStore;
  clock: Clock;
  /** Randomness for runtime names (pod suffixes); the seed makes runs repeatable. */
  rng: Rng;
  seed: number;
  runner: ControllerRunner;
  informers: Informers;
  recorder: EventRecorder;
  terminator: PodTerminator;
}
