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
});
