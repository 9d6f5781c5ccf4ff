import type { TopologyEdge, TopologyMessage, TopologyNode, TopologyView } from "@/lib/wire/topology";
import { sumUsage, type ResourceUsage } from "../kube/usage/usageLookup";
import { edge, metricsOf } from "./nodes";
import { worstStatus } from "./status";
import type { TopologyGraph } from "./views";

export type GroupBy = "namespace" | "node" | "controller";
export type Aggregation = NonNullable<Extract<TopologyMessage, { type: "topology-snapshot" }>["aggregated"]>;

export interface AggregatedGraph extends TopologyGraph {
  aggregated?: Aggregation;
}

export interface AggregateOptions {
  /** Above this many nodes the view is grouped (default 15,000: DEFAULT_AGGREGATE_THRESHOLD). */
  threshold: number;
  by: GroupBy;
  /** Group ids the person opened: their members are shown in full. */
  expand?: readonly string[];
}

// A 10,000-pod cluster (about 12,500 nodes with hosts and controllers) is drawn whole; beyond this the canvas stays usable only grouped.
export const DEFAULT_AGGREGATE_THRESHOLD = 15_000;

/** How a view is grouped when it is too big: by host for Hosts, by controller for a namespace-filtered Pods view, else by namespace. */
export function groupingFor(view: TopologyView, namespaceFiltered: boolean): GroupBy {
  if (view === "hosts") return "node";
  if (view === "pods" && namespaceFiltered) return "controller";
  return "namespace";
}

export const groupId = (by: GroupBy, key: string): string => `group:${by}:${key}`;

// Owners come from "owns" edges, so a pod groups under its controller and a controller under itself.
function groupKeys(graph: TopologyGraph, by: GroupBy): Map<string, string> {
  const keys = new Map<string, string>();
  const ownerOf = new Map<string, string>();
  if (by === "controller") for (const e of graph.edges) if (e.kind === "owns") ownerOf.set(e.target, e.source);
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const node of graph.nodes) {
    let key: string;
    if (by === "namespace") key = node.namespace ?? "(cluster)";
    else if (by === "node") key = node.node ?? (node.kind === "Node" ? node.name : "(unscheduled)");
    else if (node.kind === "Node") key = "(hosts)";
    else {
      const owner = names.get(ownerOf.get(node.id) ?? node.id);
      key = owner && owner.kind !== "Pod" ? `${owner.kind}/${owner.name}` : `Unmanaged/${node.namespace ?? ""}`;
    }
    keys.set(node.id, key);
  }
  return keys;
}

function usageOf(node: TopologyNode): ResourceUsage | undefined {
  const { cpuMillicores, memoryBytes } = node.metrics ?? {};
  return cpuMillicores === undefined || memoryBytes === undefined ? undefined : { cpuMillicores, memoryBytes };
}

// Pods count once: a group holding pods sums theirs, not also their controllers' (their own sums) or their hosts'.
function countedMembers(members: readonly TopologyNode[]): readonly TopologyNode[] {
  const pods = members.filter((m) => m.kind === "Pod");
  return pods.length > 0 ? pods : members;
}

function groupNode(by: GroupBy, key: string, members: readonly TopologyNode[]): TopologyNode {
  const worst = worstStatus(members.map((m) => m.status));
  const counted = countedMembers(members);
  const restarts = counted.reduce((sum, m) => sum + (m.metrics?.restarts ?? 0), 0);
  const metrics = metricsOf(sumUsage(counted.map(usageOf)), restarts);
  const node: TopologyNode = { id: groupId(by, key), kind: "Group", name: key, status: worst, group: { by, key, count: members.length, worst }, metrics };
  if (by === "namespace" && key !== "(cluster)") node.namespace = key;
  return node;
}

/** The view as shown: whole below the threshold; above it, one node per group except the groups the person expanded. */
export function aggregate(graph: TopologyGraph, options: AggregateOptions): AggregatedGraph {
  const total = graph.nodes.length;
  if (total <= options.threshold) return graph;
  const { by } = options;
  const expanded = new Set(options.expand ?? []);
  const keys = groupKeys(graph, by);
  const shownAs = new Map<string, string>();
  const members = new Map<string, TopologyNode[]>();
  const nodes: TopologyNode[] = [];
  for (const node of graph.nodes) {
    const id = groupId(by, keys.get(node.id)!);
    if (expanded.has(id)) {
      nodes.push(node);
      shownAs.set(node.id, node.id);
      continue;
    }
    shownAs.set(node.id, id);
    const list = members.get(id);
    if (list) list.push(node);
    else members.set(id, [node]);
  }
  for (const list of members.values()) nodes.push(groupNode(by, keys.get(list[0]!.id)!, list));
  const reason = `${total} nodes are more than the ${options.threshold} drawn one by one; grouped by ${by}`;
  return { nodes, edges: liftEdges(graph.edges, shownAs), aggregated: { by, reason, total } };
}

// An edge into a closed group points at the group; edges inside one group disappear with it.
function liftEdges(edges: readonly TopologyEdge[], shownAs: ReadonlyMap<string, string>): TopologyEdge[] {
  const out = new Map<string, TopologyEdge>();
  for (const e of edges) {
    const source = shownAs.get(e.source) ?? e.source;
    const target = shownAs.get(e.target) ?? e.target;
    if (source === target) continue;
    const lifted = source === e.source && target === e.target ? e : edge(e.kind, source, target);
    out.set(lifted.id, lifted);
  }
  return [...out.values()];
}
