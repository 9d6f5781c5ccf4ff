import { describe, expect, test } from "vitest";
import { KindStore } from "./kindStore";
import { applyWatchEvent, reconcile } from "./reconcile";
import type { KubeObject } from "./types";

const pod = (name: string, rv: string, uid = `uid-${name}`, namespace = "default"): KubeObject => ({ metadata: { name, namespace, uid, resourceVersion: rv } });

function storeWith(...objects: KubeObject[]): KindStore {
  const store = new KindStore();
  for (const object of objects) store.set(object);
  return store;
}

const summary = (store: KindStore) => store.all().map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort();

describe("reconcile", () => {
  test("adds, modifies and deletes so the store equals the list exactly", () => {
    const kept = pod("kept", "1");
    const store = storeWith(kept, pod("changed", "1"), pod("gone", "1"));
    const changes = reconcile(store, [pod("kept", "1"), pod("changed", "5"), pod("new", "6")]);
    expect(summary(store)).toEqual(["changed@5", "kept@1", "new@6"]);
    expect(changes.map((c) => `${c.type} ${c.object.metadata.name}`).sort()).toEqual(["ADDED new", "DELETED gone", "MODIFIED changed"]);
    expect(store.get("default", "kept")).toBe(kept);
  });

  test("reports a recreated object (same name, new uid) as deleted then added", () => {
    const old = pod("web", "1", "uid-old");
    const store = storeWith(old);
    const changes = reconcile(store, [pod("web", "9", "uid-new")]);
    expect(changes.map((c) => [c.type, c.object.metadata.uid])).toEqual([["DELETED", "uid-old"], ["ADDED", "uid-new"]]);
  });

  test("keeps objects apart by namespace", () => {
    const store = storeWith(pod("a", "1", "u1", "ns1"));
    reconcile(store, [pod("a", "1", "u1", "ns1"), pod("a", "2", "u2", "ns2")]);
    expect(store.size).toBe(2);
    expect(store.inNamespace("ns2").map((o) => o.metadata.uid)).toEqual(["u2"]);
  });
});

describe("applyWatchEvent", () => {
  test("turns a repeated ADDED into a MODIFIED and ignores an unchanged one", () => {
    const store = storeWith(pod("a", "1"));
    expect(applyWatchEvent(store, "ADDED", pod("a", "1"))).toEqual([]);
    expect(applyWatchEvent(store, "ADDED", pod("a", "2")).map((c) => c.type)).toEqual(["MODIFIED"]);
    expect(store.size).toBe(1);
  });

  test("ignores a DELETED for an object it never had", () => {
    const store = new KindStore();
    expect(applyWatchEvent(store, "DELETED", pod("ghost", "3"))).toEqual([]);
  });

  test("reports the cached instance as previous on delete", () => {
    const cached = pod("a", "1");
    const store = storeWith(cached);
    const [change] = applyWatchEvent(store, "DELETED", pod("a", "2"));
    expect(change?.previous).toBe(cached);
    expect(store.size).toBe(0);
  });
});
