import { describe, expect, test } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import type { NodeRelated, ServiceRelated } from "@/lib/wire/resources";
import { everywhere, type UsageScope } from "@/server/access/types";
import { UsageSamples } from "@/server/kube/usage/usageLookup";
import { relatedDetails, type RelatedAccess } from "./relatedDetails";
import { detailsCacheOf } from "./testing/detailsCache";

const owner = (kind: string, name: string, uid: string) => [{ apiVersion: "apps/v1", kind, name, uid, controller: true }];
const pod = (name: string, namespace: string, extra: { node?: string; owner?: KubeObject["metadata"]["ownerReferences"]; cpu?: string; phase?: string; ready?: boolean } = {}): KubeObject => ({
  kind: "Pod",
  metadata: { name, namespace, uid: `pod-${name}`, ...(extra.owner ? { ownerReferences: extra.owner } : {}) },
  spec: { nodeName: extra.node, containers: [{ name: "app", resources: { requests: { cpu: extra.cpu ?? "100m", memory: "64Mi" } } }] },
  status: { phase: extra.phase ?? "Running", containerStatuses: [{ name: "app", ready: extra.ready ?? true, restartCount: 0, state: { running: {} } }] },
});

const deployment: KubeObject = { kind: "Deployment", metadata: { name: "web", namespace: "shop", uid: "d1" } };
const replicaSet: KubeObject = { kind: "ReplicaSet", metadata: { name: "web-1", namespace: "shop", uid: "rs1", ownerReferences: owner("Deployment", "web", "d1") } };
const webA = pod("web-1-a", "shop", { node: "n1", owner: owner("ReplicaSet", "web-1", "rs1") });
const webB = pod("web-1-b", "shop", { node: "n1", owner: owner("ReplicaSet", "web-1", "rs1"), ready: false });
const secretPod = pod("vault-0", "secure", { node: "n1", cpu: "2" });
const finished = pod("report-x", "shop", { node: "n1", cpu: "4", phase: "Failed" });
const service: KubeObject = { kind: "Service", metadata: { name: "web", namespace: "shop", uid: "s1" }, spec: { type: "ClusterIP", clusterIP: "10.96.0.10", selector: { app: "web" } } };
const slice: KubeObject = {
  kind: "EndpointSlice",
  metadata: { name: "web-abc", namespace: "shop", uid: "es1", labels: { "kubernetes.io/service-name": "web" } },
  endpoints: [
    { addresses: ["10.244.0.5"], conditions: { ready: true }, targetRef: { kind: "Pod", name: "web-1-a", namespace: "shop" }, nodeName: "n1" },
    { addresses: ["10.244.0.6"], conditions: { ready: false }, targetRef: { kind: "Pod", name: "web-1-b", namespace: "shop" }, nodeName: "n1" },
  ],
  ports: [{ name: "http", port: 8080, protocol: "TCP" }],
} as KubeObject;
const host: KubeObject = { kind: "Node", metadata: { name: "n1", uid: "n1" } };
const cache = detailsCacheOf([deployment, replicaSet, webA, webB, secretPod, finished, service, slice, host]);

const allScope: UsageScope = { pods: everywhere, nodes: true };
const admin: RelatedAccess = { canList: async () => true, usageScope: async () => allScope };
const shopOnly: RelatedAccess = { canList: async (kind, namespace) => namespace === "shop" && kind !== "endpointslices", usageScope: async () => ({ pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false }) };
const usage = { lookup: new UsageSamples(new Map(), new Map([["n1", { cpuMillicores: 1500, memoryBytes: 2 ** 30 }]])) };

describe("relatedDetails", () => {
  test("a Deployment lists the pods of its ReplicaSets with their status and readiness", async () => {
    const related = await relatedDetails(admin, cache, deployment);
    expect(related).toEqual({
      kind: "controller",
      pods: { pods: [expect.objectContaining({ name: "web-1-a", status: "Running", ready: "1/1", node: "n1" }), expect.objectContaining({ name: "web-1-b", ready: "0/1" })] },
    });
  });

  test("a Service lists its endpoints with ready state and the pods behind them", async () => {
    const related = (await relatedDetails(admin, cache, service)) as ServiceRelated;
    expect(related.endpoints).toEqual([
      { address: "10.244.0.5", ready: true, ports: ["http 8080/TCP"], node: "n1", pod: expect.objectContaining({ name: "web-1-a", status: "Running" }) },
      { address: "10.244.0.6", ready: false, ports: ["http 8080/TCP"], node: "n1", pod: expect.objectContaining({ name: "web-1-b", ready: "0/1" }) },
    ]);
  });

  test("a person who may not list EndpointSlices is told so instead of an empty list", async () => {
    expect(await relatedDetails(shopOnly, cache, service)).toEqual({ kind: "service", endpointsHidden: 'you may not list EndpointSlices in namespace "shop"' });
  });

  test("a host shows its pods, their summed requests (finished pods hold none) and its usage", async () => {
    const related = (await relatedDetails(admin, cache, host, usage)) as NodeRelated;
    expect(related.pods.pods.map((p) => p.name)).toEqual(["vault-0", "report-x", "web-1-a", "web-1-b"]);
    expect(related.requested).toEqual({ cpuMillicores: 2200, memoryBytes: 3 * 64 * 2 ** 20 });
    expect(related.usage).toEqual({ state: "shown", used: { cpuMillicores: 1500, memoryBytes: 2 ** 30 } });
  });

  test("on a host, pods and requests are only those the person may list, and usage obeys nodes.metrics.k8s.io", async () => {
    const related = (await relatedDetails(shopOnly, cache, host, usage)) as NodeRelated;
    expect(related.pods.pods.map((p) => p.name)).toEqual(["report-x", "web-1-a", "web-1-b"]);
    expect(related.pods.hidden).toMatch(/only pods in namespaces where you may list pods/);
    expect(related.requested.cpuMillicores).toBe(200);
    expect(related.usage).toEqual({ state: "forbidden", reason: "you may not list nodes.metrics.k8s.io" });
  });
});
