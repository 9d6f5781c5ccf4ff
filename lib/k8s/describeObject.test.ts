import { describe, expect, test } from "vitest";
import { describeObject, ownerChain, summarizeEvents } from "./describeObject";
import type { KubeObject } from "./types";

const owner = (kind: string, name: string, uid: string) => [{ apiVersion: "apps/v1", kind, name, uid, controller: true }];
const deployment: KubeObject = { kind: "Deployment", metadata: { name: "frontend", namespace: "shop", uid: "d1" } };
const replicaSet: KubeObject = { kind: "ReplicaSet", metadata: { name: "frontend-7d9", namespace: "shop", uid: "rs1", ownerReferences: owner("Deployment", "frontend", "d1") } };
const pod: KubeObject = { kind: "Pod", metadata: { name: "frontend-7d9-abc", namespace: "shop", uid: "p1", ownerReferences: owner("ReplicaSet", "frontend-7d9", "rs1") } };
const byUid = (uid: string) => [deployment, replicaSet, pod].find((o) => o.metadata.uid === uid);

describe("ownerChain", () => {
  test("walks from the pod through its ReplicaSet to the Deployment", () => {
    expect(ownerChain(pod, byUid)).toEqual([
      { kind: "ReplicaSet", name: "frontend-7d9", namespace: "shop", uid: "rs1", resource: "replicasets", found: true },
      { kind: "Deployment", name: "frontend", namespace: "shop", uid: "d1", resource: "deployments", found: true },
    ]);
  });

  test("stops at an owner that is not in the cache, naming it", () => {
    const orphan: KubeObject = { metadata: { name: "x", namespace: "shop", uid: "x1", ownerReferences: owner("Rollout", "canary", "r9") } };
    expect(ownerChain(orphan, byUid)).toEqual([{ kind: "Rollout", name: "canary", namespace: "shop", uid: "r9", resource: undefined, found: false }]);
  });

  test("does not loop on an ownership cycle", () => {
    const a: KubeObject = { metadata: { name: "a", uid: "a", ownerReferences: owner("Thing", "b", "b") } };
    const b: KubeObject = { metadata: { name: "b", uid: "b", ownerReferences: owner("Thing", "a", "a") } };
    expect(ownerChain(a, (uid) => (uid === "a" ? a : uid === "b" ? b : undefined)).map((l) => l.name)).toEqual(["b"]);
  });
});

describe("summarizeEvents", () => {
  test("orders newest first and reads counts from series or count", () => {
    const events: KubeObject[] = [
      { metadata: { name: "e1" }, type: "Normal", reason: "Pulled", message: "pulled", count: 2, lastTimestamp: "2025-01-01T00:00:00Z" },
      { metadata: { name: "e2" }, type: "Warning", reason: "BackOff", message: "back-off", series: { count: 9, lastObservedTime: "2025-01-02T00:00:00Z" } },
    ];
    expect(summarizeEvents(events)).toEqual([
      { type: "Warning", reason: "BackOff", message: "back-off", count: 9, lastSeen: "2025-01-02T00:00:00Z", source: undefined },
      { type: "Normal", reason: "Pulled", message: "pulled", count: 2, lastSeen: "2025-01-01T00:00:00Z", source: undefined },
    ]);
  });
});

describe("describeObject", () => {
  test("calls the lookup's methods on the lookup (a cache class keeps state on `this`)", () => {
    class IndexedCache {
      private readonly index = new Map([deployment, replicaSet, pod].map((o) => [o.metadata.uid!, o]));
      byUid(uid: string) {
        return this.index.get(uid);
      }
      eventsFor() {
        return this.index.size > 0 ? [] : [];
      }
    }
    expect(describeObject(pod, new IndexedCache()).owners.map((o) => o.name)).toEqual(["frontend-7d9", "frontend"]);
  });

  test("renders YAML without managedFields and includes owners and events", () => {
    const withFields = { ...pod, metadata: { ...pod.metadata, managedFields: [{ manager: "kubelet" }] } } as KubeObject;
    const details = describeObject(withFields, { byUid, eventsFor: (uid) => (uid === "p1" ? [{ metadata: { name: "e" }, reason: "Started" }] : []) });
    expect(details.yaml).toContain("name: frontend-7d9-abc");
    expect(details.yaml).not.toContain("managedFields");
    expect(details.owners).toHaveLength(2);
    expect(details.events.map((e) => e.reason)).toEqual(["Started"]);
  });
});
