import type { KubeObject, Pod } from "@/lib/k8s/types";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import { edge, idOf, objectNode, podNode } from "./nodes";
import type { TopologyGraph, TopologySource } from "./source";
import { worstStatus } from "./status";

// Services select pods through their EndpointSlices; Ingresses route to Services by name.

const serviceNameLabel = "kubernetes.io/service-name";

interface SliceEndpoint {
  targetRef?: { kind?: string; uid?: string };
}

/** Pod uids behind each service key ("namespace/name"), from EndpointSlices' targetRefs. */
export function podsBehindServices(slices: readonly KubeObject[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const slice of slices) {
    const service = slice.metadata.labels?.[serviceNameLabel];
    if (!service) continue;
    const key = `${slice.metadata.namespace ?? ""}/${service}`;
    const uids = out.get(key) ?? new Set<string>();
    for (const endpoint of (slice.endpoints as SliceEndpoint[] | undefined) ?? []) {
      if (endpoint.targetRef?.uid && (endpoint.targetRef.kind ?? "Pod") === "Pod") uids.add(endpoint.targetRef.uid);
    }
    out.set(key, uids);
  }
  return out;
}

interface IngressBackend {
  service?: { name?: string };
}
interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: { http?: { paths?: { backend?: IngressBackend }[] } }[];
}

/** Names of the services an Ingress routes to. */
export function ingressServiceNames(ingress: KubeObject): string[] {
  const spec = ingress.spec as IngressSpec | undefined;
  const backends = [spec?.defaultBackend, ...(spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))];
  return [...new Set(backends.map((b) => b?.service?.name).filter((n): n is string => !!n))];
}

/** Services, the pods they select, and the Ingresses routing to them. */
export function servicesGraph(source: TopologySource): TopologyGraph {
  const podById = new Map((source.pods as readonly Pod[]).map((pod) => [idOf(pod, "Pod"), podNode(pod, source.usage)]));
  const behind = podsBehindServices(source.endpointslices);
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const shownPods = new Set<string>();
  const serviceByKey = new Map<string, TopologyNode>();
  for (const service of source.services) {
    const key = `${service.metadata.namespace ?? ""}/${service.metadata.name}`;
    const podIds = [...(behind.get(key) ?? [])].filter((uid) => podById.has(uid));
    const node = objectNode(service, "Service", worstStatus(podIds.map((uid) => podById.get(uid)!.status)));
    nodes.push(node);
    serviceByKey.set(key, node);
    for (const uid of podIds) {
      shownPods.add(uid);
      edges.push(edge("selects", node.id, uid));
    }
  }
  for (const uid of shownPods) nodes.push(podById.get(uid)!);
  for (const ingress of source.ingresses) {
    const targets = ingressServiceNames(ingress).map((name) => serviceByKey.get(`${ingress.metadata.namespace ?? ""}/${name}`)).filter((n): n is TopologyNode => !!n);
    const node = objectNode(ingress, "Ingress", worstStatus(targets.map((t) => t.status)));
    nodes.push(node);
    for (const target of targets) edges.push(edge("routes", node.id, target.id));
  }
  return { nodes, edges };
}
