import { describe, expect, test } from "vitest";
import { startHarness } from "../testHarness";

describe("garbage collector", () => {
  test("deleting a ReplicaSet deletes its pods, and the Deployment makes a new one", () => {
    const h = startHarness();
    const rs = h.store.list("apps/replicasets", "shop").find((r) => r.metadata.name.startsWith("cart-"))!;
    const oldPods = h.podsOf("shop", "cart-").map((p) => p.metadata.uid);
    h.store.delete("apps/replicasets", "shop", rs.metadata.name);
    h.sim.settle();
    h.advance(5_000);
    const pods = h.podsOf("shop", "cart-");
    expect(pods.some((p) => oldPods.includes(p.metadata.uid))).toBe(false);
    expect(pods.length).toBe(2);
    expect(h.store.list("apps/replicasets", "shop").filter((r) => r.metadata.name.startsWith("cart-"))).toHaveLength(1);
  });

  test("deleting a Deployment removes its ReplicaSets and pods", () => {
    const h = startHarness();
    h.store.delete("apps/deployments", "shop", "catalog");
    h.sim.settle();
    h.advance(5_000);
    expect(h.store.list("apps/replicasets", "shop").filter((r) => r.metadata.name.startsWith("catalog-"))).toHaveLength(0);
    expect(h.podsOf("shop", "catalog-")).toHaveLength(0);
  });

  test("deleting a Service removes its EndpointSlices", () => {
    const h = startHarness();
    h.store.delete("services", "shop", "cart");
    h.sim.settle();
    expect(h.store.list("discovery.k8s.io/endpointslices", "shop").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "cart")).toHaveLength(0);
  });

  test("deleting a namespace empties it", () => {
    const h = startHarness();
    h.store.delete("namespaces", undefined, "monitoring");
    h.sim.settle();
    h.advance(5_000);
    expect(h.store.list("apps/deployments", "monitoring")).toHaveLength(0);
    expect(h.store.list("pods", "monitoring")).toHaveLength(0);
  });
});

describe("garbage collector finalizers", () => {
  test("foreground deletion removes the pods first, then the ReplicaSet", () => {
    const h = startHarness();
    const rs = h.store.list("apps/replicasets", "shop").find((r) => r.metadata.name.startsWith("payment-"))!;
    h.store.mutate("apps/replicasets", "shop", rs.metadata.name, (draft) => {
      draft.metadata.deletionTimestamp = new Date(h.clock.now()).toISOString();
      draft.metadata.finalizers = ["foregroundDeletion"];
    });
    h.sim.settle();
    expect(h.store.get("apps/replicasets", "shop", rs.metadata.name)).toBeDefined();
    h.advanceUntil(() => !h.store.get("apps/replicasets", "shop", rs.metadata.name), 10_000, 500);
    expect(h.podsOf("shop", `${rs.metadata.name}-`)).toHaveLength(0);
  });

  test("orphan deletion strips the owner reference and keeps the dependents", () => {
    const h = startHarness();
    h.store.mutate("apps/deployments", "shop", "currency", (draft) => {
      draft.metadata.deletionTimestamp = new Date(h.clock.now()).toISOString();
      draft.metadata.finalizers = ["orphan"];
    });
    h.sim.settle();
    expect(h.store.get("apps/deployments", "shop", "currency")).toBeUndefined();
    const rs = h.store.list("apps/replicasets", "shop").find((r) => r.metadata.name.startsWith("currency-"))!;
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(h.podsOf("shop", "currency-")).toHaveLength(2);
  });
});

describe("foreground deletion through two levels", () => {
  test("a Deployment deleted in foreground goes only after its ReplicaSet and pods", () => {
    const h = startHarness();
    h.store.mutate("apps/deployments", "shop", "cart", (draft) => {
      draft.metadata.deletionTimestamp = new Date(h.clock.now()).toISOString();
      draft.metadata.finalizers = ["foregroundDeletion"];
    });
    h.sim.settle();
    expect(h.store.get("apps/deployments", "shop", "cart")).toBeDefined();
    const rs = h.store.list("apps/replicasets", "shop").find((r) => r.metadata.name.startsWith("cart-"))!;
    expect(rs.metadata.finalizers).toContain("foregroundDeletion");
    h.advanceUntil(() => !h.store.get("apps/deployments", "shop", "cart"), 10_000, 500);
    expect(h.podsOf("shop", "cart-")).toHaveLength(0);
    expect(h.store.list("apps/replicasets", "shop").filter((r) => r.metadata.name.startsWith("cart-"))).toHaveLength(0);
  });
});
