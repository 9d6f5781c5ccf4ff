import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "./testing/testServer";
import { pod } from "./testing/fixtures";
import type { WatchEvent, WatchStream } from "./testing/apiClient";

let t: TestServer;
const open: WatchStream[] = [];

beforeAll(async () => {
  t = await startTestServer({ bookmarkIntervalMs: 50 });
});

afterAll(async () => {
  for (const w of open) w.close();
  await t.close();
});

async function watch(path: string, headers?: Record<string, string>): Promise<WatchStream> {
  const stream = await t.client.watch(path, headers);
  open.push(stream);
  return stream;
}

const summary = (events: WatchEvent[]) => events.filter((e) => e.type !== "BOOKMARK").map((e) => `${e.type} ${e.object.metadata?.name}`);
const relabel = (name: string, app: string) => t.store.mutate("pods", "default", name, (d) => void (d.metadata.labels = { app }));

describe("watch", () => {
  test("without a resourceVersion: synthetic ADDED for current objects, then live changes", async () => {
    t.store.create("pods", pod("w-a"));
    const stream = await watch("/api/v1/namespaces/default/pods?watch=1");
    expect(stream.status).toBe(200);
    expect(stream.response.headers["transfer-encoding"]).toBe("chunked");
    await stream.until((e) => e.length === 1);
    t.store.create("pods", pod("w-b"));
    t.store.delete("pods", "default", "w-a");
    await stream.until((e) => e.length === 3);
    expect(summary(stream.events)).toEqual(["ADDED w-a", "ADDED w-b", "DELETED w-a"]);
    expect(stream.events[0]!.object).toMatchObject({ kind: "Pod", apiVersion: "v1" });
    stream.close();
    t.store.delete("pods", "default", "w-b");
  });

  test("from a resourceVersion: replays what happened after it", async () => {
    const since = t.store.resourceVersion;
    t.store.create("pods", pod("r-1"));
    relabel("r-1", "api");
    const stream = await watch(`/api/v1/pods?watch=true&resourceVersion=${since}`);
    await stream.until((e) => e.length === 2);
    expect(summary(stream.events)).toEqual(["ADDED r-1", "MODIFIED r-1"]);
    expect(Number(stream.events[1]!.object.metadata!.resourceVersion)).toBe(t.store.resourceVersion);
    stream.close();
  });

  test("a compacted resourceVersion gets one ERROR event with a 410 Status, then the stream ends", async () => {
    t.store.create("pods", pod("old"));
    t.store.compact();
    const stream = await watch("/api/v1/pods?watch=1&resourceVersion=1");
    await stream.untilEnded();
    expect(stream.status).toBe(200);
    expect(stream.events).toEqual([{ type: "ERROR", object: expect.objectContaining({ kind: "Status", status: "Failure", reason: "Expired", code: 410, message: expect.stringMatching(/^too old resource version: 1 \(\d+\)$/) }) }]);
  });

  test("sends BOOKMARKs carrying only the current resourceVersion when allowed", async () => {
    const stream = await watch(`/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${t.store.resourceVersion}`);
    const events = await stream.until((e) => e.some((x) => x.type === "BOOKMARK"));
    const bookmark = events.find((e) => e.type === "BOOKMARK")!;
    expect(bookmark.object).toEqual({ kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: String(t.store.resourceVersion) } });
    stream.close();
  });

  test("applies selectors to events: objects entering the selection are ADDED, leaving it DELETED", async () => {
    t.store.create("pods", pod("sel-1", { labels: { app: "web" } }));
    const stream = await watch(`/api/v1/namespaces/default/pods?watch=1&labelSelector=app%3Dweb&resourceVersion=${t.store.resourceVersion}`);
    relabel("sel-1", "api");
    relabel("sel-1", "db");
    relabel("sel-1", "web");
    relabel("sel-1", "web");
    await stream.until((e) => e.length === 3);
    expect(summary(stream.events)).toEqual(["DELETED sel-1", "ADDED sel-1", "MODIFIED sel-1"]);
    stream.close();
  });

  test("watches a single object through fieldSelector=metadata.name", async () => {
    t.store.create("pods", pod("one"));
    t.store.create("pods", pod("two"));
    const stream = await watch("/api/v1/namespaces/default/pods?watch=1&fieldSelector=metadata.name%3Done");
    relabel("two", "x");
    relabel("one", "x");
    await stream.until((e) => e.length === 2);
    expect(summary(stream.events)).toEqual(["ADDED one", "MODIFIED one"]);
    stream.close();
  });

  test("ends after timeoutSeconds and releases the store listener", async () => {
    const stream = await watch(`/api/v1/configmaps?watch=1&timeoutSeconds=1&resourceVersion=${t.store.resourceVersion}`);
    expect(t.store.listenerCount("configmaps")).toBe(1);
    await stream.untilEnded(3000);
    expect(t.store.listenerCount("configmaps")).toBe(0);
  });

  test("a client going away releases the store listener", async () => {
    t.store.create("configmaps", { metadata: { name: "leak", namespace: "default" } });
    const stream = await watch("/api/v1/configmaps?watch=1");
    await stream.until((e) => e.length > 0);
    expect(t.store.listenerCount("configmaps")).toBe(1);
    stream.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.store.listenerCount("configmaps")).toBe(0);
  });

  test("sends Tables in watch events for kubectl get -w, columns only in the first", async () => {
    t.store.create("pods", pod("tw"));
    const stream = await watch("/api/v1/namespaces/default/pods?watch=1&fieldSelector=metadata.name%3Dtw", { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" });
    relabel("tw", "y");
    const [added, modified] = await stream.until((e) => e.length === 2);
    expect(added!.object).toMatchObject({ kind: "Table", rows: [{ cells: ["tw", "1/1", "Running", "0", expect.any(String), "10.244.0.9", "node-1", "<none>", "<none>"] }] });
    expect((added!.object.columnDefinitions as unknown[]).length).toBe(9);
    expect(modified!.object.columnDefinitions).toEqual([]);
    stream.close();
  });

  test("sendInitialEvents ends the initial list with an annotated BOOKMARK", async () => {
    const stream = await watch("/api/v1/namespaces/default/pods?watch=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&resourceVersion=0&fieldSelector=metadata.name%3Dtw");
    const events = await stream.until((e) => e.some((x) => x.type === "BOOKMARK"));
    expect(events[0]!.type).toBe("ADDED");
    expect(events[1]!.object.metadata).toMatchObject({ annotations: { "k8s.io/initial-events-end": "true" } });
    stream.close();
  });

  test("sendInitialEvents=false without a version starts at the newest change, with no synthetic events", async () => {
    const stream = await watch("/api/v1/namespaces/default/pods?watch=1&sendInitialEvents=false");
    t.store.create("pods", pod("fresh"));
    await stream.until((e) => e.length === 1);
    expect(summary(stream.events)).toEqual(["ADDED fresh"]);
    stream.close();
  });

  test("close() ends open watches", async () => {
    const other = await startTestServer();
    const stream = await other.client.watch("/api/v1/pods?watch=1");
    await other.close();
    await stream.untilEnded(3000);
    expect(stream.ended).toBe(true);
  });
});
