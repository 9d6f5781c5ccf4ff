import type { KubeObject, Node, Pod } from "@/lib/k8s/types";
import type { TopologyEdge, TopologyNode, TopologyStatus, TopologyView } from "@/lib/wire/topology";
import { ControllerIndex, controllerNode, unmanagedNode } from "./controllers";
import { edge, groupBy, hostNode, idOf, metricsOf, objectNode, podNode, rollup } from "./nodes";
import { servicesGraph } from "./services";
import type { TopologyGraph, TopologySource } from "./source";
import { containerTopologyStatus, podsHealth, worstStatus } from "./status";

export type { TopologyGraph } from "./source";

const podsOf = (source: TopologySource) => source.pods as readonly Pod[];

/** Hosts, each with its pods' count and worst status, and its own usage. */
export function hostsGraph(source: TopologySource): TopologyGraph {
  const podsByHost = groupBy(podsOf(source), (pod) => pod.spec?.nodeName);
  const nodes = (source.nodes as readonly Node[]).map((host) => hostNode(host, podsByHost.get(host.metadata.name) ?? [], source.usage));
  return { nodes, edges: [] };
}

/** Pods, the hosts they run on and the controllers that own them. */
export function podsGraph(source: TopologySource): TopologyGraph {
  const pods = podsOf(source);
  const index = new ControllerIndex(source);
  const podsByHost = groupBy(pods, (pod) => pod.spec?.nodeName);
  const { owned } = index.assign(pods);
  const nodes: TopologyNode[] = pods.map((pod) => podNode(pod, source.usage));
  const edges: TopologyEdge[] = [];
  for (const host of source.nodes as readonly Node[]) {
    const onHost = podsByHost.get(host.metadata.name);
    if (!onHost) continue;
    const hostId = idOf(host, "Node");
    nodes.push(hostNode(host, onHost, source.usage));
    for (const pod of onHost) edges.push(edge("scheduled", idOf(pod, "Pod"), hostId));
  }
  for (const controller of index.controllers) {
    const controllerId = idOf(controller.object, controller.kind);
    const mine = owned.get(controllerId);
    if (!mine) continue;
    nodes.push(controllerNode(controller, mine, source.usage));
    for (const pod of mine) edges.push(edge("owns", controllerId, idOf(pod, "Pod")));
  }
  return { nodes, edges };
}

/** Controllers with the worst status of their pods, CronJobs owning their Jobs, and bare pods per namespace. */
export function controllersGraph(source: TopologySource): TopologyGraph {
  const index = new ControllerIndex(source);
  const { owned, unmanaged } = index.assign(podsOf(source));
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  for (const controller of index.controllers) {
    const id = idOf(controller.object, controller.kind);
    nodes.push(controllerNode(controller, owned.get(id) ?? [], source.usage));
    const cronJob = controller.kind === "Job" ? index.cronJobOf(controller.object) : undefined;
    if (cronJob) edges.push(edge("owns", idOf(cronJob.object, "CronJob"), id));
  }
  // A CronJob shows the worst of its Jobs, which show the worst of their pods.
  const jobStatus = new Map(nodes.filter((n) => n.kind === "Job").map((n) => [n.id, n.status]));
  for (const node of nodes) {
    if (node.kind !== "CronJob") continue;
    const jobs = edges.filter((e) => e.source === node.id).map((e) => jobStatus.get(e.target)).filter((s): s is TopologyStatus => !!s);
    if (jobs.length > 0) node.status = worstStatus(jobs);
  }
  for (const [namespace, pods] of unmanaged) nodes.push(unmanagedNode(namespace, pods, source.usage));
  return { nodes, edges };
}

/** One node per container, each owned by its pod. */
export function containersGraph(source: TopologySource): TopologyGraph {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  for (const pod of podsOf(source)) {
    const podId = idOf(pod, "Pod");
    nodes.push(podNode(pod, source.usage));
    const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
    for (const container of pod.spec?.containers ?? []) {
      const status = statuses.get(container.name);
      const id = `container:${podId}:${container.name}`;
      const node: TopologyNode = { id, kind: "Container", name: container.name, status: containerTopologyStatus(pod, status) };
      if (pod.metadata.namespace !== undefined) node.namespace = pod.metadata.namespace;
      if (pod.spec?.nodeName) node.node = pod.spec.nodeName;
      if (container.image) node.images = [container.image];
      node.metrics = { restarts: status?.restartCount ?? 0 };
      nodes.push(node);
      edges.push(edge("owns", podId, id));
    }
  }
  return { nodes, edges };
}

function namespaceOwnStatus(namespace: KubeObject): TopologyStatus {
  const phase = (namespace.status as { phase?: string } | undefined)?.phase;
  if (namespace.metadata.deletionTimestamp || phase === "Terminating") return "terminating";
  return phase === "Active" || phase === undefined ? "running" : "unknown";
}

/** Namespaces, each with its own status (phase) and, apart, its pods' count and worst status (finished Job pods left out). */
export function namespacesGraph(source: TopologySource): TopologyGraph {
  const podsByNamespace = groupBy(podsOf(source), (pod) => pod.metadata.namespace);
  const nodes = source.namespaces.map((namespace) => {
    const name = namespace.metadata.name;
    const pods = podsByNamespace.get(name) ?? [];
    const summary = rollup(pods, source.usage);
    const node = objectNode(namespace, "Namespace", namespaceOwnStatus(namespace));
    node.group = { by: "namespace", key: name, count: summary.count, worst: podsHealth(pods) };
    node.metrics = metricsOf(summary.usage, summary.restarts);
    return node;
  });
  return { nodes, edges: [] };
}

const builders: Record<TopologyView, (source: TopologySource) => TopologyGraph> = {
  hosts: hostsGraph,
  pods: podsGraph,
  controllers: controllersGraph,
  services: servicesGraph,
  containers: containersGraph,
  namespaces: namespacesGraph,
};

/** The full graph of one view, before aggregation. */
export function buildGraph(view: TopologyView, source: TopologySource): TopologyGraph {
  return builders[view](source);
}

