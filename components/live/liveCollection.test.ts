import { describe, expect, test } from "vitest";
import { LiveCollection } from "./liveCollection";
import type { KubeObject } from "@/lib/k8s/types";

const pod = (name: string, uid: string, phase = "Running"): KubeObject => ({ metadata: { name, namespace: "shop", uid }, status: { phase } });

function collectionWithManualFrames() {
  const frames: (() => void)[] = [];
  const collection = new LiveCollection((publish) => frames.push(publish));
  const flush = () => frames.splice(0).forEach((f) => f());
  return { collection, flush };
}

describe("LiveCollection", () => {
  test("a snapshot replaces everything and marks the collection loaded", () => {
    const { collection, flush } = collectionWithManualFrames();
    collection.applySnapshot([pod("a", "1")]);
    flush();
    collection.applySnapshot([pod("b", "2"), pod("c", "3")]);
    flush();
    const snapshot = collection.getSnapshot();
    expect(snapshot.loaded).toBe(true);
    expect(snapshot.items.map((o) => o.metadata.name)).toEqual(["b", "c"]);
  });

  test("deltas add, replace by uid and delete", () => {
    const { collection, flush } = collectionWithManualFrames();
    collection.applySnapshot([pod("a", "1"), pod("b", "2")]);
    collection.applyDelta([
      { type: "MODIFIED", object: pod("a", "1", "Failed") },
      { type: "DELETED", object: pod("b", "2") },
      { type: "ADDED", object: pod("c", "3") },
    ]);
    flush();
    const items = collection.getSnapshot().items;
    expect(items.map((o) => [o.metadata.name, (o.status as { phase: string }).phase])).toEqual([
      ["a", "Failed"],
      ["c", "Running"],
    ]);
  });

  test("publishes once per frame however many deltas arrive", () => {
    const { collection, flush } = collectionWithManualFrames();
    let notified = 0;
    collection.subscribe(() => notified++);
    collection.applySnapshot([]);
    for (let i = 0; i < 50; i++) collection.applyDelta([{ type: "ADDED", object: pod(`p${i}`, String(i)) }]);
    expect(collection.getSnapshot().items).toHaveLength(0);
    flush();
    expect(notified).toBe(1);
    expect(collection.getSnapshot().items).toHaveLength(50);
  });

  test("a resync keeps the old items, flagged, until the new snapshot", () => {
    const { collection, flush } = collectionWithManualFrames();
    collection.applySnapshot([pod("a", "1")]);
    flush();
    collection.markResyncing();
    flush();
    expect(collection.getSnapshot()).toMatchObject({ resyncing: true, loaded: true });
    expect(collection.getSnapshot().items).toHaveLength(1);
    collection.applySnapshot([]);
    flush();
    expect(collection.getSnapshot()).toMatchObject({ resyncing: false, items: [] });
  });
});
