import { describe, expect, test } from "vitest";
import { topologySource } from "./source";
import { host, namespace, ownerRef, pod, uidOf, usageSamples, workload } from "./testing/fixtures";
import { buildGraph, containersGraph, controllersGraph, hostsGraph, namespacesGraph, podsGraph } from "./views";

const deployment = workload("Deployment", "web", "shop");
const replicaSet = workload("ReplicaSet", "web-1", "shop", ownerRef("Deployment", "web", uidOf(deployment)));
const rsOwner = ownerRef("ReplicaSet", "web-1", uidOf(replicaSet));
const webA = pod("web-a", "shop", { node: "n1", owner: rsOwner });
const webB = pod("web-b", "shop", { node: "n2", owner: rsOwner, waiting: "CrashLoopBackOff", restarts: 3 });
const bare = pod("debug", "shop", { node: "n1" });
const source = topologySource({
  pods: [webA, webB, bare],
  nodes: [host("n1"), host("n2"), host("n3", { cordoned: true })],
  deployments: [deployment],
  replicasets: [replicaSet],
  namespaces: [namespace("shop"), namespace("empty")],
});

const byId = <T extends { id: string }>(nodes: T[]) => new Map(nodes.map((n) => [n.id, n]));

describe("hosts view", () => {
  test("each host carries its pods' count and worst status", () => {
    const nodes = byId(hostsGraph(source).nodes);
    expect(nodes.get("node-n1")).toMatchObject({ kind: "Node", status: "running", group: { by: "node", key: "n1", count: 2, worst: "running" } });
    expect(nodes.get("node-n2")).toMatchObject({ status: "running", group: { count: 1, worst: "crashlooping" }, metrics: { restarts: 3 } });
    expect(nodes.get("node-n3")).toMatchObject({ status: "notready", group: { count: 0 } });
  });

  test("a Ready host stays running when a Job's pod on it failed, and the failed pod is not its pods' worst", () => {
    const job = workload("Job", "report-1", "batch");
    const failed = pod("report-1-x", "batch", { node: "n1", phase: "Failed", owner: ownerRef("Job", "report-1", uidOf(job)) });
    const nodes = byId(hostsGraph(topologySource({ pods: [webA, failed], nodes: [host("n1")], jobs: [job] })).nodes);
    expect(nodes.get("node-n1")).toMatchObject({ status: "running", group: { count: 2, worst: "running" } });
  });

  test("a host's own NotReady shows whatever its pods do, and a bare failed pod still shows in its pods' worst", () => {
    const failed = pod("oneoff", "shop", { node: "n1", phase: "Failed" });
    const nodes = byId(hostsGraph(topologySource({ pods: [failed], nodes: [host("n1", { ready: false })] })).nodes);
    expect(nodes.get("node-n1")).toMatchObject({ status: "notready", group: { count: 1, worst: "failed" } });
  });
});

describe("pods view", () => {
  test("pods are scheduled on hosts and owned by the Deployment, with ReplicaSets folded in", () => {
    const graph = podsGraph(source);
    const kinds = graph.nodes.map((n) => `${n.kind}:${n.name}`).sort();
    expect(kinds).toEqual(["Deployment:web", "Node:n1", "Node:n2", "Pod:debug", "Pod:web-a", "Pod:web-b"]);
    const edges = graph.edges.map((e) => `${e.kind} ${e.source} ${e.target}`).sort();
    expect(edges).toEqual([
      `owns ${uidOf(deployment)} ${uidOf(webA)}`,
      `owns ${uidOf(deployment)} ${uidOf(webB)}`,
      `scheduled ${uidOf(bare)} node-n1`,
      `scheduled ${uidOf(webA)} node-n1`,
      `scheduled ${uidOf(webB)} node-n2`,
    ]);
    expect(byId(graph.nodes).get(uidOf(webA))).toMatchObject({ node: "n1", images: ["registry.local/app:1"], metrics: { restarts: 0 } });
  });
});

describe("controllers view", () => {
  test("controllers take their pods' worst status; bare pods gather under Unmanaged per namespace", () => {
    const nodes = byId(controllersGraph(source).nodes);
    expect(nodes.get(uidOf(deployment))).toMatchObject({ kind: "Deployment", status: "crashlooping", metrics: { restarts: 3 } });
    expect(nodes.get("unmanaged:shop")).toMatchObject({ kind: "Unmanaged", namespace: "shop", status: "running" });
    expect([...nodes.values()].some((n) => n.name === "web-1")).toBe(false);
  });

  test("a CronJob owns its Jobs and shows their worst status", () => {
    const cron = workload("CronJob", "nightly", "batch");
    const job = workload("Job", "nightly-1", "batch", ownerRef("CronJob", "nightly", uidOf(cron)));
    const failedPod = { ...pod("nightly-1-x", "batch", { owner: ownerRef("Job", "nightly-1", uidOf(job)) }), status: { phase: "Failed" } };
    const graph = controllersGraph(topologySource({ cronjobs: [cron], jobs: [job], pods: [failedPod] }));
    expect(graph.edges).toEqual([{ id: `owns:${uidOf(cron)}:${uidOf(job)}`, source: uidOf(cron), target: uidOf(job), kind: "owns" }]);
    expect(byId(graph.nodes).get(uidOf(cron))).toMatchObject({ status: "failed" });
  });

  test("a finished Job without pods says so from its conditions", () => {
    const job = workload("Job", "done", "batch", undefined, { status: { conditions: [{ type: "Complete", status: "True" }] } });
    expect(controllersGraph(topologySource({ jobs: [job] })).nodes[0]).toMatchObject({ status: "succeeded" });
  });
});

describe("containers and namespaces views", () => {
  test("one node per container, owned by its pod", () => {
    const twoContainers = pod("multi", "shop", { containers: ["app", "sidecar"], node: "n1" });
    const graph = containersGraph(topologySource({ pods: [twoContainers] }));
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([uidOf(twoContainers), `container:${uidOf(twoContainers)}:app`, `container:${uidOf(twoContainers)}:sidecar`].sort());
    expect(graph.edges.every((e) => e.kind === "owns" && e.source === uidOf(twoContainers))).toBe(true);
    expect(byId(graph.nodes).get(`container:${uidOf(twoContainers)}:sidecar`)).toMatchObject({ kind: "Container", node: "n1", images: ["registry.local/sidecar:1"] });
  });

  test("namespaces carry pod counts; an empty active namespace is running", () => {
    const nodes = byId(namespacesGraph(source).nodes);
    expect(nodes.get("ns-shop")).toMatchObject({ status: "running", group: { by: "namespace", key: "shop", count: 3, worst: "crashlooping" } });
    expect(nodes.get("ns-empty")).toMatchObject({ status: "running", group: { count: 0 } });
    expect(namespacesGraph(topologySource({ namespaces: [namespace("old", "Terminating")] })).nodes[0]!.status).toBe("terminating");
  });

  test("buildGraph dispatches on the view", () => {
    expect(buildGraph("hosts", source).nodes).toHaveLength(3);
    expect(buildGraph("namespaces", source).nodes).toHaveLength(2);
  });
});

describe("CPU and memory on map nodes", () => {
  const usage = usageSamples({ "shop/web-a": [100, 200 * 2 ** 20], "shop/web-b": [50.5, 10 * 2 ** 20] }, { n1: [1500, 4 * 2 ** 30] });
  const sampled = { ...source, usage };

  test("pods carry their own sample, and a pod without one carries none (not zero)", () => {
    const nodes = byId(podsGraph(sampled).nodes);
    expect(nodes.get(uidOf(webA))!.metrics).toEqual({ cpuMillicores: 100, memoryBytes: 200 * 2 ** 20, restarts: 0 });
    expect(nodes.get(uidOf(bare))!.metrics).toEqual({ restarts: 0 });
    // Without usage (tests, no poller) nothing changes.
    expect(byId(podsGraph(source).nodes).get(uidOf(webA))!.metrics).toEqual({ restarts: 0 });
  });

  test("hosts carry the node's own usage, not their pods' sum", () => {
    const nodes = byId(hostsGraph(sampled).nodes);
    expect(nodes.get("node-n1")!.metrics).toEqual({ cpuMillicores: 1500, memoryBytes: 4 * 2 ** 30, restarts: 0 });
    expect(nodes.get("node-n2")!.metrics).toEqual({ restarts: 3 });
  });

  test("controllers and namespaces sum their sampled pods; Unmanaged without samples carries none", () => {
    const controllers = byId(controllersGraph(sampled).nodes);
    expect(controllers.get(uidOf(deployment))!.metrics).toEqual({ cpuMillicores: 150.5, memoryBytes: 210 * 2 ** 20, restarts: 3 });
    expect(controllers.get("unmanaged:shop")!.metrics).toEqual({ restarts: 0 });
    const withBare = byId(controllersGraph({ ...source, usage: usageSamples({ "shop/debug": [7, 1024] }) }).nodes);
    expect(withBare.get("unmanaged:shop")!.metrics).toEqual({ cpuMillicores: 7, memoryBytes: 1024, restarts: 0 });
    expect(withBare.get(uidOf(deployment))!.metrics).toEqual({ restarts: 3 });
    expect(byId(namespacesGraph(sampled).nodes).get("ns-shop")!.metrics).toMatchObject({ cpuMillicores: 150.5, memoryBytes: 210 * 2 ** 20 });
    expect(byId(namespacesGraph(sampled).nodes).get("ns-empty")!.metrics).toEqual({ restarts: 0 });
  });

  test("the pods shown in the services and containers views carry their usage too", () => {
    const service = workload("Service", "web", "shop");
    const slice = workload("EndpointSlice", "web-x", "shop", undefined, { endpoints: [{ targetRef: { kind: "Pod", uid: uidOf(webA) } }] });
    slice.metadata.labels = { "kubernetes.io/service-name": "web" };
    const services = byId(buildGraph("services", { ...sampled, services: [service], endpointslices: [slice] }).nodes);
    expect(services.get(uidOf(webA))!.metrics).toMatchObject({ memoryBytes: 200 * 2 ** 20 });
    expect(byId(buildGraph("containers", sampled).nodes).get(uidOf(webA))!.metrics).toMatchObject({ cpuMillicores: 100 });
  });

  test("a pod's node is reused while its sample is unchanged and rebuilt when it changes", () => {
    const first = podsGraph(sampled).nodes.find((n) => n.id === uidOf(webA));
    expect(podsGraph(sampled).nodes.find((n) => n.id === uidOf(webA))).toBe(first);
    const moved = podsGraph({ ...source, usage: usageSamples({ "shop/web-a": [101, 200 * 2 ** 20] }) }).nodes.find((n) => n.id === uidOf(webA));
    expect(moved).not.toBe(first);
    expect(moved!.metrics).toMatchObject({ cpuMillicores: 101 });
  });
});
