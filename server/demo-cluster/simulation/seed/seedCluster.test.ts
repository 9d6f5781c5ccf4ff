import { describe, expect, test } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { ObjectStore } from "../../store";
import { ManualClock } from "../clock";
import { isPodReady } from "../kubelet/podPhase";
import { matchesMap } from "../objects/labels";
import type { Pod, Service } from "../objects/types";
import { startHarness } from "../testHarness";
import { seedCluster } from "./seedCluster";

const clusterScoped = new Set(["nodes", "namespaces", "rbac.authorization.k8s.io/clusterroles", "rbac.authorization.k8s.io/clusterrolebindings"]);

function everything(store: ObjectStore): { resource: string; object: KubeObject }[] {
  return store.resources().flatMap((resource) => store.list(resource).map((object) => ({ resource, object })));
}

function identity(store: ObjectStore): string[] {
  return everything(store)
    .map(({ resource, object }) => `${resource} ${object.metadata.namespace ?? ""}/${object.metadata.name} ${JSON.stringify(object.metadata.labels ?? {})}`)
    .sort();
}

describe("seeded demo cluster", () => {
  const { store } = startHarness();

  test("has the documented namespaces, nodes and about 40 pods", () => {
    expect(store.list("namespaces").map((n) => n.metadata.name).sort()).toEqual(["batch", "default", "kube-node-lease", "kube-public", "kube-system", "monitoring", "shop"]);
    expect(store.list("nodes").map((n) => n.metadata.name)).toEqual(["node-1", "node-2", "node-3"]);
    expect(store.list("pods").length).toBeGreaterThanOrEqual(30);
    expect(store.list("pods").length).toBeLessThanOrEqual(45);
    for (const name of ["frontend", "cart", "catalog", "currency", "checkout", "leaky"]) expect(store.get("apps/deployments", "shop", name)).toBeDefined();
    expect(store.get("apps/statefulsets", "shop", "redis")).toBeDefined();
    expect(store.get("batch/cronjobs", "batch", "report")).toBeDefined();
    expect(store.get("pods", "default", "hello")?.metadata.ownerReferences).toBeUndefined();
  });

  test("every object is well-formed and lives in an existing namespace", () => {
    const namespaces = new Set(store.list("namespaces").map((n) => n.metadata.name));
    for (const { resource, object } of everything(store)) {
      expect(object.apiVersion, `${resource} ${object.metadata.name}`).toBeTruthy();
      expect(object.kind).toBeTruthy();
      expect(object.metadata.uid).toBeTruthy();
      expect(object.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (clusterScoped.has(resource)) expect(object.metadata.namespace).toBeUndefined();
      else expect(namespaces.has(object.metadata.namespace ?? "")).toBe(true);
    }
  });

  test("every owner reference resolves to an existing owner of that kind", () => {
    const byUid = new Map(everything(store).map(({ object }) => [object.metadata.uid, object]));
    for (const { object } of everything(store)) {
      for (const ref of object.metadata.ownerReferences ?? []) {
        const owner = byUid.get(ref.uid);
        expect(owner?.kind, `${object.kind} ${object.metadata.name} → ${ref.kind} ${ref.name}`).toBe(ref.kind);
        expect(owner?.metadata.name).toBe(ref.name);
      }
    }
    const pod = store.list("pods", "shop").find((p) => p.metadata.name.startsWith("frontend-"))!;
    const rs = store.get("apps/replicasets", "shop", pod.metadata.ownerReferences![0]!.name)!;
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", name: "frontend", controller: true });
  });

  test("pods are scheduled onto existing nodes, with addresses", () => {
    const nodes = new Set(store.list("nodes").map((n) => n.metadata.name));
    for (const pod of store.list("pods") as Pod[]) {
      expect(nodes.has(pod.spec.nodeName ?? ""), pod.metadata.name).toBe(true);
      if (pod.status?.phase === "Running") expect(pod.status.podIP).toMatch(/^10\./);
    }
  });

  test("every selector Service's EndpointSlices list exactly its ready pods as ready", () => {
    for (const service of store.list("services") as Service[]) {
      if (!service.spec.selector) continue;
      const slices = store.list("discovery.k8s.io/endpointslices", service.metadata.namespace).filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === service.metadata.name);
      expect(slices.length, service.metadata.name).toBeGreaterThan(0);
      const endpoints = slices.flatMap((s) => s.endpoints as { addresses: string[]; conditions: { ready: boolean }; targetRef: { name: string } }[]);
      const readyNames = endpoints.filter((e) => e.conditions.ready).map((e) => e.targetRef.name).sort();
      const readyPods = (store.list("pods", service.metadata.namespace) as Pod[]).filter((p) => matchesMap(service.spec.selector, p.metadata.labels) && isPodReady(p));
      expect(readyNames).toEqual(readyPods.map((p) => p.metadata.name).sort());
      for (const e of endpoints) expect(e.addresses[0]).toBe((store.get("pods", service.metadata.namespace, e.targetRef.name) as Pod).status?.podIP);
    }
    expect(store.list("discovery.k8s.io/endpointslices", "shop").some((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "frontend")).toBe(true);
  });

  test("controllers have observed every workload and report honest status", () => {
    for (const d of store.list("apps/deployments")) {
      const status = d.status as { observedGeneration: number; replicas?: number };
      expect(status.observedGeneration, d.metadata.name).toBe(d.metadata.generation);
      expect(status.replicas ?? 0).toBe((d.spec as { replicas: number }).replicas);
    }
    expect(store.get("apps/deployments", "shop", "frontend")?.status).toMatchObject({ readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 });
    expect(store.get("apps/daemonsets", "kube-system", "kube-proxy")?.status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3 });
    expect(store.get("apps/statefulsets", "shop", "redis")?.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
    expect(store.get("policy/poddisruptionbudgets", "shop", "frontend")?.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 });
    expect(store.get("persistentvolumeclaims", "shop", "data-redis-0")?.status).toMatchObject({ phase: "Bound" });
  });

  test("secrets hold base64 values and every namespace has a default ServiceAccount", () => {
    const secret = store.get("secrets", "shop", "redis-auth")!;
    expect(Buffer.from((secret.data as Record<string, string>).password!, "base64").toString()).toBe("s3cr3t-demo-password");
    for (const ns of store.list("namespaces")) expect(store.get("serviceaccounts", ns.metadata.name, "default")).toBeDefined();
  });
});

describe("seedCluster determinism", () => {
  const seedInto = (seed: number) => {
    const store = new ObjectStore();
    seedCluster(store, { nodes: 5, pods: 300, seed, now: new ManualClock().now() });
    return identity(store);
  };

  test("the same seed gives the same names and labels; another seed does not", () => {
    const first = seedInto(42);
    expect(seedInto(42)).toEqual(first);
    expect(seedInto(43)).not.toEqual(first);
  });
});
