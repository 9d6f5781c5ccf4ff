import { describe, expect, test } from "vitest";
import type { Node, Pod, Workload } from "../objects/types";
import { startHarness } from "../testHarness";

const cordon = (h: ReturnType<typeof startHarness>, name: string) =>
  h.store.mutate("nodes", undefined, name, (n) => {
    (n as Node).spec.unschedulable = true;
  });

describe("scheduler", () => {
  test("cordoned nodes get no new pods; the control plane's taint keeps workloads off it", () => {
    const h = startHarness();
    cordon(h, "node-2");
    h.sim.settle();
    expect((h.store.get("nodes", undefined, "node-2") as Node).spec.taints).toContainEqual(expect.objectContaining({ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }));
    h.store.mutate("apps/deployments", "shop", "frontend", (d) => {
      (d as Workload).spec.replicas = 8;
    });
    h.sim.settle();
    const fresh = h.podsOf("shop", "frontend-").filter((p) => p.metadata.creationTimestamp === new Date(Math.floor(h.clock.now() / 1000) * 1000).toISOString().replace(".000Z", "Z"));
    expect(fresh.length).toBe(5);
    for (const pod of fresh) expect(pod.spec.nodeName).toBe("node-3");
    const events = h.store.list("events", "shop").filter((e) => e.reason === "Scheduled");
    expect(events.some((e) => /^Successfully assigned shop\/frontend-\w+-\w+ to node-3$/.test(e.message as string))).toBe(true);
  });

  test("a pod that fits nowhere stays Pending with a FailedScheduling reason, and is placed after uncordon", () => {
    const h = startHarness();
    cordon(h, "node-2");
    cordon(h, "node-3");
    h.sim.settle();
    h.store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "stray", namespace: "default" }, spec: { containers: [{ name: "c", image: "busybox:1.36" }] }, status: { phase: "Pending" } });
    h.sim.settle();
    const pending = h.store.get("pods", "default", "stray") as Pod;
    expect(pending.spec.nodeName).toBeUndefined();
    const condition = pending.status?.conditions?.find((c) => c.type === "PodScheduled");
    expect(condition).toMatchObject({ status: "False", reason: "Unschedulable" });
    expect(condition?.message).toMatch(/^0\/3 nodes are available: .*2 node\(s\) were unschedulable/);
    expect(h.store.list("events", "default").some((e) => e.reason === "FailedScheduling" && e.type === "Warning")).toBe(true);

    h.store.mutate("nodes", undefined, "node-3", (n) => {
      (n as Node).spec.unschedulable = false;
    });
    h.sim.settle();
    expect((h.store.get("pods", "default", "stray") as Pod).spec.nodeName).toBe("node-3");
    h.advanceUntil(() => (h.store.get("pods", "default", "stray") as Pod).status?.phase === "Running", 10_000);
  });

  test("nodeSelector limits where a pod may go", () => {
    const h = startHarness();
    h.store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "zonal", namespace: "default" }, spec: { nodeSelector: { "topology.kubernetes.io/zone": "demo-1b" }, containers: [{ name: "c", image: "busybox:1.36" }] }, status: { phase: "Pending" } });
    h.sim.settle();
    expect((h.store.get("pods", "default", "zonal") as Pod).spec.nodeName).toBe("node-2");
  });
});
