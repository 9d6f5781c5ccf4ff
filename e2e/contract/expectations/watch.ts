import { expect } from "vitest";
import { corePath, ok, type ObjectList } from "../http";
import { sleep } from "../poll";
import type { ContractTarget, Expectation } from "../target";
import { openWatch, summarize, type WatchLine } from "../watchStream";
import { createConfigMap, listPods, sharedPods, sharedSelector, uniqueName } from "../workloads";

const rvOf = (line: WatchLine) => Number(line.object.metadata?.resourceVersion ?? NaN);

function watchPath(base: string, query: Record<string, string>): string {
  return `${base}?${new URLSearchParams({ watch: "1", ...query })}`;
}

/** Adds a label to a pod, a change every watcher of pods sees (and that moves the pods' watch cache on). */
async function touchPod(target: ContractTarget, pod: string): Promise<void> {
  const body = { metadata: { labels: { "contract-touched": String(Date.now()) } } };
  await ok(target, corePath(target.namespace, "pods", pod), { method: "PATCH", body, contentType: "application/merge-patch+json" });
}

async function watchConfigMapLifecycle(target: ContractTarget): Promise<void> {
  const set = uniqueName("watch");
  const mapsPath = corePath(target.namespace, "configmaps");
  await createConfigMap(target, `${set}-before`, {}, { set });
  const list = await ok<ObjectList>(target, `${mapsPath}?labelSelector=set%3D${set}`);
  const watch = await openWatch(target, watchPath(mapsPath, { labelSelector: `set=${set}`, resourceVersion: list.metadata.resourceVersion!, timeoutSeconds: "30" }));
  try {
    expect(watch.status).toBe(200);
    expect(watch.contentType).toMatch(/^application\/json/);
    const name = `${set}-live`;
    await createConfigMap(target, name, { step: "1" }, { set });
    await ok(target, corePath(target.namespace, "configmaps", name), { method: "PATCH", body: { data: { step: "2" } }, contentType: "application/merge-patch+json" });
    await ok(target, corePath(target.namespace, "configmaps", name), { method: "DELETE" });
    const added = await watch.next("ADDED", (l) => l.type !== "BOOKMARK");
    const modified = await watch.next("MODIFIED", (l) => l.type !== "BOOKMARK");
    const deleted = await watch.next("DELETED", (l) => l.type !== "BOOKMARK");
    // Starting from the list's version: the object listed before is not replayed.
    expect([added, modified, deleted].map((l) => `${l.type}:${l.object.metadata?.name}`)).toEqual([`ADDED:${name}`, `MODIFIED:${name}`, `DELETED:${name}`]);
    expect(added.object).toMatchObject({ kind: "ConfigMap", apiVersion: "v1", data: { step: "1" } });
    expect(modified.object).toMatchObject({ data: { step: "2" } });
    expect(rvOf(added)).toBeGreaterThan(Number(list.metadata.resourceVersion));
    expect(rvOf(modified)).toBeGreaterThan(rvOf(added));
    expect(rvOf(deleted)).toBeGreaterThan(rvOf(modified));
  } finally {
    watch.close();
  }
}

async function watchBookmarks(target: ContractTarget): Promise<void> {
  const pod = (await sharedPods(target))[0]!.metadata.name;
  const podsPath = corePath(target.namespace, "pods");
  const from = (await listPods(target, { labelSelector: sharedSelector })).metadata.resourceVersion!;
  // kube-apiserver sends a bookmark 2 s before the watch's deadline (and about every minute), once its cache has moved past `from`.
  const watch = await openWatch(target, watchPath(podsPath, { labelSelector: sharedSelector, resourceVersion: from, allowWatchBookmarks: "true", timeoutSeconds: "6" }));
  try {
    await sleep(500);
    await touchPod(target, pod);
    const modified = await watch.next("MODIFIED of the touched pod", (l) => l.type === "MODIFIED" && l.object.metadata?.name === pod);
    const bookmark = await watch.next("BOOKMARK", (l) => l.type === "BOOKMARK", 10_000);
    expect(bookmark.object).toMatchObject({ kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: expect.stringMatching(/^\d+$/) } });
    expect(bookmark.object.metadata?.name).toBeUndefined();
    expect(rvOf(bookmark)).toBeGreaterThanOrEqual(rvOf(modified));
    const lines = await watch.untilEnd(10_000);
    expect(lines.every((l) => ["MODIFIED", "BOOKMARK"].includes(l.type)), summarize(lines)).toBe(true);
  } finally {
    watch.close();
  }
  // Without allowWatchBookmarks there are none.
  const plain = await openWatch(target, watchPath(podsPath, { labelSelector: sharedSelector, resourceVersion: from, timeoutSeconds: "4" }));
  await touchPod(target, pod);
  const lines = await plain.untilEnd(10_000);
  expect(lines.filter((l) => l.type === "BOOKMARK")).toEqual([]);
}

async function watchExpired(target: ContractTarget): Promise<void> {
  const mapsPath = corePath(target.namespace, "configmaps");
  const watch = await openWatch(target, watchPath(mapsPath, { resourceVersion: "1", timeoutSeconds: "10" }));
  try {
    // kube-apiserver starts the stream (200) and then sends one ERROR event carrying a 410 Status.
    expect(watch.status).toBe(200);
    const lines = await watch.untilEnd(10_000);
    expect(lines.map((l) => l.type), summarize(lines)).toEqual(["ERROR"]);
    expect(lines[0]!.object).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", code: 410, reason: "Expired" });
    expect(lines[0]!.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  } finally {
    watch.close();
  }
}

export const watchExpectations: Expectation[] = [
  { id: "watch.events", title: "a watch from a list's resourceVersion sees ADDED, MODIFIED, DELETED in order", run: watchConfigMapLifecycle },
  { id: "watch.bookmarks", title: "allowWatchBookmarks brings BOOKMARK events (kind, apiVersion, metadata.resourceVersion only); without it none", run: watchBookmarks, timeoutMs: 40_000 },
  { id: "watch.expired", title: "a watch from a compacted resourceVersion gets 200 then one ERROR event with a 410 Expired Status", run: watchExpired },
];
