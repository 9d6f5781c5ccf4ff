import { summarizePod } from "@/lib/k8s/podStatus";
import { sumPodRequests } from "@/lib/k8s/podRequests";
import { SERVICE_NAME_LABEL } from "@/lib/k8s/serviceSummary";
import type { KubeObject, Pod } from "@/lib/k8s/types";
import type { ControllerRelated, EndpointBrief, NodeRelated, PodBrief, PodList, RelatedDetails, ServiceRelated } from "@/lib/wire/resources";
import type { Access } from "@/server/access/types";
import type { ResourceKind } from "@/server/kube/resources";
import type { UsageLookup } from "@/server/kube/usage/usageLookup";
import { visibleUsage } from "@/server/kube/usage/visibleUsage";

/** The cache reads the related details need: a Service's slices, a host's pods, a controller's pods. */
export interface RelatedCache {
  list(kind: ResourceKind, filter?: { namespace?: string; labelSelector?: Record<string, string> }): readonly KubeObject[];
  get(kind: ResourceKind, namespace: string | undefined, name: string): KubeObject | undefined;
  byOwner(ownerUid: string): readonly KubeObject[];
  podsOnNode(nodeName: string): readonly KubeObject[];
}

/** The person's rights the related details obey; usageScope absent means usage is not shown. */
export type RelatedAccess = Pick<Access, "canList"> & Partial<Pick<Access, "usageScope">>;

/** Latest usage samples (polled with Orrery's identity, filtered here) and why there are none, when there are none. */
export interface RelatedUsage {
  lookup: UsageLookup;
  unavailable?: string;
}

export function podBrief(pod: Pod): PodBrief {
  const summary = summarizePod(pod);
  const brief: PodBrief = { namespace: pod.metadata.namespace ?? "", name: pod.metadata.name, status: summary.status, ready: `${summary.ready}/${summary.total}`, restarts: summary.restarts };
  if (pod.spec?.nodeName) brief.node = pod.spec.nodeName;
  return brief;
}

const byName = (a: PodBrief, b: PodBrief) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
const cannotList = (what: string, namespace: string) => `you may not list ${what} in namespace "${namespace}"`;

/** Pods of one namespace, when the person may list pods there. */
async function podsInNamespace(access: RelatedAccess, namespace: string, pods: readonly Pod[]): Promise<PodList> {
  if (!(await access.canList("pods", namespace))) return { pods: [], hidden: cannotList("pods", namespace) };
  return { pods: pods.map(podBrief).sort(byName) };
}

/** The pods a controller runs: its own, or for a Deployment those of its ReplicaSets. */
function controllerPods(cache: RelatedCache, object: KubeObject): Pod[] {
  const owned = cache.byOwner(object.metadata.uid ?? "");
  const direct = owned.filter((o) => o.kind === "Pod") as Pod[];
  if (object.kind !== "Deployment") return direct;
  return owned.filter((o) => o.kind === "ReplicaSet").flatMap((rs) => cache.byOwner(rs.metadata.uid ?? "").filter((o) => o.kind === "Pod") as Pod[]);
}

async function controllerRelated(access: RelatedAccess, cache: RelatedCache, object: KubeObject): Promise<ControllerRelated> {
  return { kind: "controller", pods: await podsInNamespace(access, object.metadata.namespace ?? "", controllerPods(cache, object)) };
}

interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  targetRef?: { kind?: string; name?: string; namespace?: string };
  nodeName?: string;
}
interface SlicePort { name?: string; port?: number; protocol?: string }

async function serviceRelated(access: RelatedAccess, cache: RelatedCache, service: KubeObject): Promise<ServiceRelated> {
  const namespace = service.metadata.namespace ?? "";
  if (!(await access.canList("endpointslices", namespace))) return { kind: "service", endpointsHidden: cannotList("EndpointSlices", namespace) };
  const podsVisible = await access.canList("pods", namespace);
  const slices = cache.list("endpointslices", { namespace, labelSelector: { [SERVICE_NAME_LABEL]: service.metadata.name } });
  const endpoints: EndpointBrief[] = [];
  for (const slice of slices as (KubeObject & { endpoints?: SliceEndpoint[]; ports?: SlicePort[] })[]) {
    const ports = (slice.ports ?? []).map((p) => `${p.name ? `${p.name} ` : ""}${p.port ?? "?"}/${p.protocol ?? "TCP"}`);
    for (const endpoint of slice.endpoints ?? []) {
      const ref = endpoint.targetRef;
      const pod = ref?.kind === "Pod" && ref.name ? (podsVisible ? cache.get("pods", ref.namespace ?? namespace, ref.name) : undefined) : undefined;
      for (const address of endpoint.addresses ?? []) {
        const brief: EndpointBrief = { address, ready: endpoint.conditions?.ready !== false, ports };
        if (endpoint.conditions?.serving !== undefined) brief.serving = endpoint.conditions.serving;
        if (endpoint.conditions?.terminating !== undefined) brief.terminating = endpoint.conditions.terminating;
        if (pod) brief.pod = podBrief(pod as Pod);
        else if (ref?.kind === "Pod" && ref.name && podsVisible) brief.pod = { namespace: ref.namespace ?? namespace, name: ref.name };
        if (endpoint.nodeName) brief.node = endpoint.nodeName;
        endpoints.push(brief);
      }
    }
  }
  return { kind: "service", endpoints: endpoints.sort((a, b) => a.address.localeCompare(b.address, undefined, { numeric: true })) };
}

async function nodeUsage(access: RelatedAccess, name: string, usage: RelatedUsage | undefined): Promise<NodeRelated["usage"]> {
  const scope = access.usageScope ? await access.usageScope() : undefined;
  if (!scope?.nodes) return { state: "forbidden", reason: "you may not list nodes.metrics.k8s.io" };
  const used = usage && visibleUsage(usage.lookup, scope).node(name);
  if (!used) return { state: "unavailable", reason: usage?.unavailable ?? "the metrics API (metrics.k8s.io) has no sample for this node" };
  return { state: "shown", used: { cpuMillicores: used.cpuMillicores, memoryBytes: used.memoryBytes } };
}

async function nodeRelated(access: RelatedAccess, cache: RelatedCache, node: KubeObject, usage: RelatedUsage | undefined): Promise<NodeRelated> {
  const all = cache.podsOnNode(node.metadata.name) as Pod[];
  const everywhere = await access.canList("pods");
  const namespaces = [...new Set(all.map((pod) => pod.metadata.namespace ?? ""))];
  const verdicts = everywhere ? namespaces.map(() => true) : await Promise.all(namespaces.map((ns) => access.canList("pods", ns)));
  const visible = new Set(namespaces.filter((_, i) => verdicts[i]));
  const pods = all.filter((pod) => visible.has(pod.metadata.namespace ?? ""));
  // Saying only that the list may be partial tells nothing about pods the person may not see.
  const list: PodList = { pods: pods.map(podBrief).sort(byName), ...(everywhere ? {} : { hidden: "only pods in namespaces where you may list pods are shown" }) };
  return { kind: "node", pods: list, requested: sumPodRequests(pods), usage: await nodeUsage(access, node.metadata.name, usage) };
}

const controllerKinds = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);

/** What an object is about beyond itself, as the person may see it; undefined for kinds without such details. */
export async function relatedDetails(access: RelatedAccess, cache: RelatedCache, object: KubeObject, usage?: RelatedUsage): Promise<RelatedDetails | undefined> {
  if (object.kind === "Service") return serviceRelated(access, cache, object);
  if (object.kind === "Node") return nodeRelated(access, cache, object, usage);
  if (object.kind && controllerKinds.has(object.kind)) return controllerRelated(access, cache, object);
  return undefined;
}
