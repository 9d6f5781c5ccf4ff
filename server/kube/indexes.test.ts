import { describe, expect, test } from "vitest";
import { CacheIndexes } from "./indexes";
import type { KubeObject } from "./types";

const pod = (name: string, labels: Record<string, string>, node?: string, owner?: string): KubeObject => ({
  metadata: { name, namespace: "default", uid: `uid-${name}`, labels, ownerReferences: owner ? [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: owner, uid: owner }] : undefined },
  spec: node ? { nodeName: node } : {},
});

const names = (objects: readonly KubeObject[]) => objects.map((o) => o.metadata.name).sort();

describe("CacheIndexes", () => {
  test("finds pods by node, owner, uid and labels, and forgets them on remove", () => {
    const indexes = new CacheIndexes();
    const a = pod("a", { app: "web", tier: "front" }, "n1", "rs1");
    const b = pod("b", { app: "web", tier: "back" }, "n1", "rs1");
    const c = pod("c", { app: "db" }, "n2");
    for (const p of [a, b, c]) indexes.add("pods", p);
    expect(names(indexes.podsOnNode("n1"))).toEqual(["a", "b"]);
    expect(names(indexes.byOwner("rs1"))).toEqual(["a", "b"]);
    expect(names(indexes.withLabels("pods", { app: "web", tier: "back" }))).toEqual(["b"]);
    expect(indexes.byUid("uid-c")).toBe(c);
    indexes.remove("pods", a);
    expect(names(indexes.podsOnNode("n1"))).toEqual(["b"]);
    expect(names(indexes.withLabels("pods", { app: "web" }))).toEqual(["b"]);
    expect(indexes.byUid("uid-a")).toBeUndefined();
    expect(indexes.withLabels("deployments", { app: "web" })).toEqual([]);
  });

  test("orders a pod's events by their last occurrence, newest last", () => {
    const indexes = new CacheIndexes();
    const event = (name: string, lastTimestamp: string): KubeObject => ({ metadata: { name, namespace: "default", uid: name }, involvedObject: { uid: "pod-1" }, lastTimestamp });
    indexes.add("events", event("late", "2024-05-01T10:00:05Z"));
    indexes.add("events", event("early", "2024-05-01T10:00:00Z"));
    indexes.add("events", { metadata: { name: "micro", namespace: "default", uid: "micro" }, regarding: { uid: "pod-1" }, eventTime: "2024-05-01T10:00:02.500000Z" });
    expect(indexes.eventsFor("pod-1").map((e) => e.metadata.name)).toEqual(["early", "micro", "late"]);
  });
});
