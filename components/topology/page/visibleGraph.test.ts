import { describe, expect, test } from "vitest";
import { parseSearch } from "@/lib/search/parse";
import type { SearchQuery } from "@/lib/search/ast";
import type { TopologyEdge, TopologyNode } from "@/lib/wire/topology";
import { filterGraph, isSystemNamespace } from "./visibleGraph";

const nodes: TopologyNode[] = [
  { id: "n1", kind: "Node", name: "worker-1", status: "running" },
  { id: "p1", kind: "Pod", name: "web-1", namespace: "shop", status: "running", node: "worker-1" },
  { id: "p2", kind: "Pod", name: "db-1", namespace: "shop", status: "pending", labels: { app: "redis" } },
  { id: "p3", kind: "Pod", name: "coredns", namespace: "kube-system", status: "running" },
  { id: "g1", kind: "Group", name: "kube-public", status: "running", group: { by: "namespace", key: "kube-public", count: 3, worst: "running" } },
  { id: "s1", kind: "Service", name: "web", namespace: "shop", status: "running" },
];
const edges: TopologyEdge[] = [
  { id: "e1", source: "p1", target: "n1", kind: "scheduled" },
  { id: "e2", source: "s1", target: "p1", kind: "selects" },
  { id: "e3", source: "p3", target: "n1", kind: "scheduled" },
];
const none = { hiddenKinds: [], hideSystem: false, statuses: [], pinned: [] };
const query = (text: string): SearchQuery => {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.query;
};
const ids = (graph: { nodes: TopologyNode[] }) => graph.nodes.map((node) => node.id);

describe("filterGraph", () => {
  test("no filters keeps everything", () => {
    const graph = filterGraph(nodes, edges, none);
    expect(ids(graph)).toEqual(["n1", "p1", "p2", "p3", "g1", "s1"]);
    expect(graph.edges).toHaveLength(3);
    expect(graph.filteredOut).toBe(0);
  });

  test("hiding system namespaces drops their pods and groups, and edges to them", () => {
    const graph = filterGraph(nodes, edges, { ...none, hideSystem: true });
    expect(ids(graph)).toEqual(["n1", "p1", "p2", "s1"]);
    expect(graph.edges.map((edge) => edge.id)).toEqual(["e1", "e2"]);
    expect(graph.filteredOut).toBe(2);
  });

  test("kinds, statuses and pinned searches all apply together", () => {
    expect(ids(filterGraph(nodes, edges, { ...none, hiddenKinds: ["Service", "Node"] }))).toEqual(["p1", "p2", "p3", "g1"]);
    expect(ids(filterGraph(nodes, edges, { ...none, statuses: ["pending"] }))).toEqual(["p2"]);
    expect(ids(filterGraph(nodes, edges, { ...none, pinned: [query("ns:shop"), query("kind:pod")] }))).toEqual(["p1", "p2"]);
    expect(ids(filterGraph(nodes, edges, { ...none, pinned: [query("ns:shop")], statuses: ["running"] }))).toEqual(["p1", "s1"]);
  });

  test("system namespaces are the kube-* ones", () => {
    expect(isSystemNamespace("kube-system")).toBe(true);
    expect(isSystemNamespace("kube-node-lease")).toBe(true);
    expect(isSystemNamespace("kubernetes-dashboard")).toBe(false);
    expect(isSystemNamespace(undefined)).toBe(false);
  });
});
