import type { KubeObject } from "../k8s/types";
import type { StreamResourceKind } from "./stream";

// GET /api/resources/{kind}/{namespace}/{name} (or /{kind}/{name} for cluster-scoped kinds).

/** One step up the ownerReferences chain. */
export interface OwnerLink {
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
  /** The watched kind, when Orrery can show this owner. */
  resource?: StreamResourceKind;
  /** False when the owner is not in the cache (deleted, or a kind Orrery does not watch). */
  found: boolean;
}

export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  count: number;
  /** ISO time of the last occurrence. */
  lastSeen?: string;
  source?: string;
}

export interface ObjectDetails {
  object: KubeObject;
  yaml: string;
  /** Direct owner first, then its owner, and so on. */
  owners: OwnerLink[];
  /** Newest first. */
  events: EventSummary[];
  /** What the person may do to this object; present for pods. */
  actions?: { exec: boolean };
  /** What the object is about beyond itself: a Service's endpoints, a host's pods and resources, a controller's pods. */
  related?: RelatedDetails;
}

export type RelatedDetails = ServiceRelated | NodeRelated | ControllerRelated;

/** A pod as a Service's endpoints, a host or a controller list it. */
export interface PodBrief {
  namespace: string;
  name: string;
  /** kubectl's STATUS column: Running, CrashLoopBackOff, Completed… */
  status: string;
  /** "1/2": ready containers of all. */
  ready: string;
  restarts: number;
  node?: string;
}

/** Pods the person may list; `hidden` says some namespaces' pods were left out because they may not list them. */
export interface PodList {
  pods: PodBrief[];
  /** Why the list is empty or partial (no list right on pods there); absent when it is complete. */
  hidden?: string;
}

export interface EndpointBrief {
  address: string;
  /** The EndpointSlice's ready condition; an absent condition means ready, as the API defines. */
  ready: boolean;
  serving?: boolean;
  terminating?: boolean;
  /** The pod behind the address (targetRef), when it is a pod. */
  pod?: PodBrief | { namespace: string; name: string };
  node?: string;
  /** "http 8080/TCP" and the like, from the slice's ports. */
  ports: string[];
}

export interface ServiceRelated {
  kind: "service";
  /** Undefined when the person may not list EndpointSlices in the Service's namespace; `endpointsHidden` then says so. */
  endpoints?: EndpointBrief[];
  endpointsHidden?: string;
}

/** CPU in millicores and memory in bytes. */
export interface ResourceAmounts {
  cpuMillicores: number;
  memoryBytes: number;
}

export interface NodeRelated {
  kind: "node";
  pods: PodList;
  /** Sum of the requests of the pods on the host that still hold resources (not Succeeded or Failed), of those listed. */
  requested: ResourceAmounts;
  /** metrics.k8s.io's latest sample, only for a person who may list nodes.metrics.k8s.io. */
  usage: { state: "shown"; used: ResourceAmounts } | { state: "forbidden"; reason: string } | { state: "unavailable"; reason: string };
}

export interface ControllerRelated {
  kind: "controller";
  pods: PodList;
}

