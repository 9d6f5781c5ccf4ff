import { describe, expect, test } from "vitest";
import { ObjectStore, StoreError, type StoreEvent } from "./store";

const pod = (name: string, namespace = "default") => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace }, spec: { nodeName: "n1" } });

describe("ObjectStore", () => {
  test("assigns uid, resourceVersion and generation on create", () => {
    const store = new ObjectStore();
    const created = store.create("pods", pod("a"));
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(created.metadata.resourceVersion)).toBe(store.resourceVersion);
    expect(created.metadata.generation).toBe(1);
  });

  test("refuses a duplicate name with AlreadyExists", () => {
    const store = new ObjectStore();
    store.create("pods", pod("a"));
    expect(() => store.create("pods", pod("a"))).toThrowError(expect.objectContaining({ reason: "AlreadyExists", code: 409 }));
    store.create("pods", pod("a", "other"));
    expect(store.list("pods")).toHaveLength(2);
    expect(store.list("pods", "other")).toHaveLength(1);
  });

  test("remembers the version that created an object across updates, for list snapshots", () => {
    const store = new ObjectStore();
    const created = store.create("pods", pod("a"));
    const updated = store.mutate("pods", "default", "a", (d) => { d.metadata.labels = { x: "1" }; });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    expect(store.createdRV(updated)).toBe(Number(created.metadata.resourceVersion));
  });

  test("bumps generation only when the spec changes", () => {
    const store = new ObjectStore();
    store.create("pods", pod("a"));
    const labelled = store.mutate("pods", "default", "a", (d) => { d.metadata.labels = { x: "1" }; });
    expect(labelled.metadata.generation).toBe(1);
    const moved = store.mutate("pods", "default", "a", (d) => { (d.spec as { nodeName: string }).nodeName = "n2"; });
    expect(moved.metadata.generation).toBe(2);
  });

  test("rejects an update from a stale resourceVersion with Conflict", () => {
    const store = new ObjectStore();
    const first = store.create("pods", pod("a"));
    store.mutate("pods", "default", "a", (d) => { d.metadata.labels = { x: "1" }; });
    expect(() => store.update("pods", first, first.metadata.resourceVersion)).toThrowError(expect.objectContaining({ reason: "Conflict" }));
  });

  test("replays changes after a version and then streams live ones", () => {
    const store = new ObjectStore();
    store.create("pods", pod("a"));
    const since = store.resourceVersion;
    store.create("pods", pod("b"));
    const seen: StoreEvent[] = [];
    const stop = store.watch("pods", since, (e) => seen.push(e));
    store.delete("pods", "default", "a");
    stop();
    store.create("pods", pod("c"));
    expect(seen.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED b", "DELETED a"]);
  });

  test("answers Expired for a version older than compaction", () => {
    const store = new ObjectStore();
    store.create("pods", pod("a"));
    const old = store.resourceVersion - 1;
    store.compact();
    expect(() => store.watch("pods", old, () => {})).toThrow(StoreError);
    expect(() => store.watch("pods", store.resourceVersion, () => {})).not.toThrow();
  });

  test("drops the oldest history beyond its limit and expires those versions", () => {
    const store = new ObjectStore(2);
    const start = store.resourceVersion;
    for (const n of ["a", "b", "c"]) store.create("pods", pod(n));
    expect(() => store.watch("pods", start, () => {})).toThrowError(expect.objectContaining({ code: 410 }));
  });

  test("carries the previous object on MODIFIED so watchers can follow selector changes", () => {
    const store = new ObjectStore();
    store.create("pods", pod("a"));
    const seen: StoreEvent[] = [];
    store.watch("pods", store.resourceVersion, (e) => seen.push(e));
    store.mutate("pods", "default", "a", (d) => { d.metadata.labels = { app: "web" }; });
    expect(seen[0]!.previous?.metadata.labels).toBeUndefined();
    expect(seen[0]!.object.metadata.labels).toEqual({ app: "web" });
  });

  test("reports its compaction point and its watchers per resource", () => {
    const store = new ObjectStore();
    store.create("pods", pod("a"));
    store.compact();
    expect(store.compactedRV("pods")).toBe(store.resourceVersion);
    expect(store.compactedRV("configmaps")).toBe(store.resourceVersion);
    const stop = store.watch("pods", store.resourceVersion, () => {});
    expect(store.listenerCount("pods")).toBe(1);
    stop();
    expect(store.listenerCount("pods")).toBe(0);
  });
});
