import type { KubeObject } from "@/server/kube/types";
import { isPodReady } from "../kubelet/podPhase";
import { controllerRefTo } from "./meta";
import type { Node, Pod, Service } from "./types";

export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const MANAGED_BY = "endpointslice-controller.k8s.io";
/** Like the real controller's default --max-endpoints-per-slice. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef: { kind: "Pod"; namespace: string; name: string; uid: string };
}

export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
}

/** The endpoint of a pod that has an address; not-ready pods are listed with ready: false, as the real controller does. */
export function endpointOf(pod: Pod, node: Node | undefined, service: Service): Endpoint | undefined {
  const ip = pod.status?.podIP;
  const phase = pod.status?.phase;
  if (!ip || phase === "Succeeded" || phase === "Failed") return undefined;
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = isPodReady(pod);
  const headless = service.spec.clusterIP === "None";
  const zone = node?.metadata.labels?.["topology.kubernetes.io/zone"];
  return {
    addresses: [ip],
    conditions: { ready: (ready || service.spec.publishNotReadyAddresses === true) && !terminating, serving: ready, terminating },
    ...(headless && pod.spec.hostname && pod.spec.subdomain === service.metadata.name ? { hostname: pod.spec.hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone ? { zone } : {}),
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace ?? "", name: pod.metadata.name, uid: pod.metadata.uid ?? "" },
  };
}

/** Service ports with targetPort resolved against a pod (named ports look up the container port). */
export function slicePorts(service: Service, pod: Pod | undefined): SlicePort[] {
  return (service.spec.ports ?? []).map((port) => {
    let target = port.targetPort ?? port.port;
    if (typeof target === "string") {
      const named = pod?.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target);
      target = named?.containerPort ?? (Number(target) || port.port);
    }
    return { name: port.name ?? "", port: target, protocol: port.protocol ?? "TCP" };
  });
}

export function buildEndpointSlice(service: Service, name: string, endpoints: Endpoint[], ports: SlicePort[]): KubeObject {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name,
      namespace: service.metadata.namespace,
      labels: { ...service.metadata.labels, [SERVICE_NAME_LABEL]: service.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY },
      ownerReferences: [controllerRefTo(service)],
    },
    addressType: "IPv4",
    endpoints,
    ports,
  };
}
