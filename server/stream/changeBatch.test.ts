import { describe, expect, test } from "vitest";
import { ChangeBatch } from "./changeBatch";
import type { KubeObject } from "../kube/types";

const pod = (name: string, namespace: string, version: string): KubeObject => ({
  metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: version, managedFields: [{ manager: "kubectl" }] },
});

const parse = (json: string[]) => json.map((j) => JSON.parse(j) as { type: string; object: KubeObject });

describe("ChangeBatch", () => {
  test("keeps only the latest state of an object and remembers it was added", () => {
    const batch = new ChangeBatch();
    batch.add({ type: "ADDED", kind: "pods", object: pod("a", "shop", "1") });
    batch.add({ type: "MODIFIED", kind: "pods", object: pod("a", "shop", "2") });
    const changes = parse(batch.changesFor("pods", undefined));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ type: "ADDED", object: { metadata: { resourceVersion: "2" } } });
  });

  test("a delete after an add is sent as a delete", () => {
    const batch = new ChangeBatch();
    batch.add({ type: "ADDED", kind: "pods", object: pod("a", "shop", "1") });
    batch.add({ type: "DELETED", kind: "pods", object: pod("a", "shop", "2") });
    expect(parse(batch.changesFor("pods", undefined))[0]!.type).toBe("DELETED");
  });

  test("filters by namespace and kind, and strips managedFields", () => {
    const batch = new ChangeBatch();
    batch.add({ type: "ADDED", kind: "pods", object: pod("a", "shop", "1") });
    batch.add({ type: "ADDED", kind: "pods", object: pod("b", "batch", "1") });
    batch.add({ type: "ADDED", kind: "services", object: pod("c", "shop", "1") });
    const shopPods = parse(batch.changesFor("pods", "shop"));
    expect(shopPods.map((c) => c.object.metadata.name)).toEqual(["a"]);
    expect(shopPods[0]!.object.metadata.managedFields).toBeUndefined();
    expect(batch.changesFor("nodes", undefined)).toEqual([]);
  });

  test("changesIn keeps the changes inside the given namespaces, or the Namespace objects of those names", () => {
    const batch = new ChangeBatch();
    batch.add({ type: "ADDED", kind: "pods", object: pod("a", "shop", "1") });
    batch.add({ type: "ADDED", kind: "pods", object: pod("b", "batch", "1") });
    batch.add({ type: "ADDED", kind: "pods", object: pod("c", "kube-system", "1") });
    batch.add({ type: "MODIFIED", kind: "namespaces", object: { metadata: { name: "shop", uid: "n1" } } });
    batch.add({ type: "MODIFIED", kind: "namespaces", object: { metadata: { name: "kube-system", uid: "n2" } } });
    expect(parse(batch.changesIn("pods", new Set(["shop", "batch"]), false)).map((c) => c.object.metadata.name)).toEqual(["a", "b"]);
    expect(parse(batch.changesIn("namespaces", new Set(["shop"]), true)).map((c) => c.object.metadata.name)).toEqual(["shop"]);
    expect(batch.changesIn("pods", new Set(), false)).toEqual([]);
  });

  test("tells which kinds it touches", () => {
    const batch = new ChangeBatch();
    batch.add({ type: "ADDED", kind: "events", object: pod("e", "shop", "1") });
    expect(batch.touches(["pods", "nodes"])).toBe(false);
    batch.add({ type: "ADDED", kind: "nodes", object: pod("n", "shop", "1") });
    expect(batch.touches(["pods", "nodes"])).toBe(true);
  });
});
