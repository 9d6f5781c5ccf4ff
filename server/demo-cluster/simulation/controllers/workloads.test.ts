import { describe, expect, test } from "vitest";
import type { Pod, Workload } from "../objects/types";
import { buildNode, chooseNodeShape } from "../seed/nodes";
import { startHarness } from "../testHarness";

describe("statefulset controller", () => {
  test("scales up in order with claims and down from the highest ordinal", () => {
    const h = startHarness();
    h.store.mutate("apps/statefulsets", "shop", "redis", (s) => {
      (s as Workload).spec.replicas = 5;
    });
    h.sim.settle();
    expect(h.store.get("pods", "shop", "redis-3")).toBeDefined();
    expect(h.store.get("pods", "shop", "redis-4")).toBeUndefined();
    expect(h.store.get("persistentvolumeclaims", "shop", "data-redis-3")).toBeDefined();
    h.advanceUntil(() => (h.store.get("apps/statefulsets", "shop", "redis")?.status as { readyReplicas?: number }).readyReplicas === 5, 60_000, 500);
    const pod = h.store.get("pods", "shop", "redis-4") as Pod;
    expect(pod.spec.hostname).toBe("redis-4");
    expect(pod.spec.subdomain).toBe("redis");
    expect(pod.metadata.labels?.["apps.kubernetes.io/pod-index"]).toBe("4");

    h.store.mutate("apps/statefulsets", "shop", "redis", (s) => {
      (s as Workload).spec.replicas = 2;
    });
    h.advanceUntil(() => h.store.list("pods", "shop").filter((p) => p.metadata.name.startsWith("redis-")).length === 2, 60_000, 500);
    expect(h.store.get("pods", "shop", "redis-1")).toBeDefined();
    expect(h.store.get("persistentvolumeclaims", "shop", "data-redis-4")).toBeDefined();
  });
});

describe("daemonset controller", () => {
  test("a new node gets one pod of each DaemonSet", () => {
    const h = startHarness();
    const shape = chooseNodeShape(1, 2 ** 30, 10);
    h.store.create("nodes", buildNode(3, 4, shape, h.clock.now(), h.clock.now()));
    h.sim.settle();
    const onNew = h.store.list("pods").filter((p) => (p as Pod).spec.nodeName === "node-4");
    expect(onNew.map((p) => p.metadata.name.replace(/-\w{5}$/, "")).sort()).toEqual(["kube-proxy", "node-exporter"]);
    h.advanceUntil(() => (h.store.get("apps/daemonsets", "kube-system", "kube-proxy")?.status as { numberReady: number }).numberReady === 4, 20_000);
  });

  test("a removed node's pods go with it and are replaced elsewhere", () => {
    const h = startHarness();
    h.store.delete("nodes", undefined, "node-3");
    h.sim.settle();
    h.advance(5_000);
    expect(h.store.list("pods").filter((p) => (p as Pod).spec.nodeName === "node-3")).toHaveLength(0);
    expect(h.store.get("apps/daemonsets", "monitoring", "node-exporter")?.status).toMatchObject({ desiredNumberScheduled: 2, numberReady: 2 });
    expect(h.store.get("apps/deployments", "shop", "frontend")?.status).toMatchObject({ replicas: 3 });
  });
});

describe("endpointslice controller", () => {
  test("a pod that stops being ready turns not-ready in its Service's slice", () => {
    const h = startHarness();
    const slice = () => h.store.list("discovery.k8s.io/endpointslices", "shop").find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "checkout")!;
    const endpoints = () => slice().endpoints as { conditions: { ready: boolean } }[];
    expect(endpoints()).toHaveLength(1);
    const seen = new Set<boolean>();
    h.advanceUntil(() => {
      seen.add(endpoints()[0]!.conditions.ready);
      return seen.size === 2;
    }, 8 * 60_000, 1_000);
  });
});
