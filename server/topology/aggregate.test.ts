import { describe, expect, test } from "vitest";
import { aggregate, groupId, groupingFor } from "./aggregate";
import { topologySource } from "./source";
import { host, ownerRef, pod, uidOf, usageSamples, workload } from "./testing/fixtures";
import { hostsGraph, podsGraph } from "./views";

function bigCluster(pods: number, namespaces: number) {
  const podList = Array.from({ length: pods }, (_, i) => pod(`p${i}`, `ns${i % namespaces}`, { node: `n${i % 50}`, ...(i === 7 ? { waiting: "CrashLoopBackOff", restarts: 2 } : {}) }));
  return topologySource({ pods: podList, nodes: Array.from({ length: 50 }, (_, i) => host(`n${i}`)) });
}

const memberCount = (nodes: { kind: string; group?: { count: number } }[]) =>
  nodes.reduce((sum, n) => sum + (n.kind === "Group" ? n.group!.count : 1), 0);

describe("aggregation", () => {
  const graph = podsGraph(bigCluster(10_000, 20));

  test("a small view is left whole", () => {
    const small = podsGraph(bigCluster(30, 3));
    expect(aggregate(small, { threshold: 2000, by: "namespace" })).toBe(small);
  });

  test("10,000 pods are grouped by namespace, and say so", () => {
    const shown = aggregate(graph, { threshold: 2000, by: "namespace" });
    expect(shown.aggregated).toEqual({ by: "namespace", total: 10_050, reason: expect.stringContaining("2000") });
    // 20 namespaces plus one group of cluster-scoped hosts.
    expect(shown.nodes).toHaveLength(21);
    expect(memberCount(shown.nodes)).toBe(10_050);
    expect(shown.nodes.find((n) => n.id === groupId("namespace", "ns7"))).toMatchObject({ kind: "Group", status: "crashlooping", group: { count: 500, worst: "crashlooping" }, metrics: { restarts: 2 } });
    // Pods scheduled on hosts become edges from each namespace group to the hosts' group.
    expect(shown.edges).toHaveLength(20);
    expect(shown.edges.every((e) => e.target === groupId("namespace", "(cluster)"))).toBe(true);
  });

  test("an expanded group shows its members in full, and nothing is lost", () => {
    const shown = aggregate(graph, { threshold: 2000, by: "namespace", expand: [groupId("namespace", "ns3")] });
    const members = shown.nodes.filter((n) => n.namespace === "ns3");
    expect(members).toHaveLength(500);
    expect(members.every((n) => n.kind === "Pod")).toBe(true);
    expect(shown.nodes.some((n) => n.id === groupId("namespace", "ns3"))).toBe(false);
    expect(memberCount(shown.nodes)).toBe(shown.aggregated!.total);
    // Expanded pods keep their own edges, now pointing at the hosts' group.
    expect(shown.edges.filter((e) => e.kind === "scheduled" && e.target === groupId("namespace", "(cluster)"))).toHaveLength(500 + 19);
  });

  test("grouping by controller puts pods with their owner", () => {
    const deployment = workload("Deployment", "web", "shop");
    const pods = Array.from({ length: 5 }, (_, i) => pod(`w${i}`, "shop", { owner: ownerRef("Deployment", "web", uidOf(deployment)) }));
    const shown = aggregate(podsGraph(topologySource({ pods: [...pods, pod("bare", "shop")], deployments: [deployment] })), { threshold: 3, by: "controller" });
    const groups = new Map(shown.nodes.map((n) => [n.name, n.group?.count]));
    expect(groups).toEqual(new Map([["Deployment/web", 6], ["Unmanaged/shop", 1]]));
  });

  test("a group sums its pods' usage once, not again through their controller or host", () => {
    const deployment = workload("Deployment", "web", "shop");
    const owner = ownerRef("Deployment", "web", uidOf(deployment));
    const pods = [pod("w0", "shop", { owner, node: "n1" }), pod("w1", "shop", { owner, node: "n1" }), pod("w2", "shop", { owner, node: "n1" })];
    const usage = usageSamples({ "shop/w0": [100, 1000], "shop/w1": [50, 500] }, { n1: [900, 9000] });
    const graph = podsGraph(topologySource({ pods, deployments: [deployment], nodes: [host("n1")], usage }));
    const shown = aggregate(graph, { threshold: 2, by: "namespace" });
    const groups = new Map(shown.nodes.map((n) => [n.name, n.metrics]));
    expect(groups.get("shop")).toEqual({ cpuMillicores: 150, memoryBytes: 1500, restarts: 0 });
    // Hosts alone in a group sum their own usage.
    expect(groups.get("(cluster)")).toEqual({ cpuMillicores: 900, memoryBytes: 9000, restarts: 0 });
    const byNode = aggregate(hostsGraph(topologySource({ nodes: [host("n1"), host("n2")], usage })), { threshold: 1, by: "node" });
    expect(new Map(byNode.nodes.map((n) => [n.name, n.metrics]))).toEqual(new Map([["n1", { cpuMillicores: 900, memoryBytes: 9000, restarts: 0 }], ["n2", { restarts: 0 }]]));
  });

  test("a group counts its pods' restarts once, not again through their controller", () => {
    const deployment = workload("Deployment", "web", "shop");
    const owner = ownerRef("Deployment", "web", uidOf(deployment));
    const pods = [pod("w0", "shop", { owner, node: "n1", waiting: "CrashLoopBackOff", restarts: 3 }), pod("w1", "shop", { owner, node: "n1" })];
    const graph = podsGraph(topologySource({ pods, deployments: [deployment], nodes: [host("n1")] }));
    const shown = aggregate(graph, { threshold: 2, by: "namespace" });
    expect(shown.nodes.find((n) => n.name === "shop")?.metrics?.restarts).toBe(3);
  });

  test("the grouping follows the view", () => {
    expect(groupingFor("hosts", false)).toBe("node");
    expect(groupingFor("pods", true)).toBe("controller");
    expect(groupingFor("pods", false)).toBe("namespace");
  });
});
