import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "./testing/testServer";
import { namespace, pod } from "./testing/fixtures";

let t: TestServer;

interface List {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: { metadata: { name: string; namespace: string } }[];
}

beforeAll(async () => {
  t = await startTestServer();
  t.store.create("namespaces", namespace("dev"));
  for (let i = 0; i < 7; i++) t.store.create("pods", pod(`web-${i}`, { namespace: i % 2 ? "dev" : "default", labels: { app: i < 4 ? "web" : "api" }, node: `node-${i % 3}` }));
});

afterAll(() => t.close());

const names = (list: List) => list.items.map((i) => i.metadata.name);

describe("list", () => {
  test("lists one namespace or all, in namespace/name order, at the store's resourceVersion", async () => {
    const all = (await t.client.get("/api/v1/pods")).json() as unknown as List;
    expect(names(all)).toEqual(["web-0", "web-2", "web-4", "web-6", "web-1", "web-3", "web-5"]);
    expect(all.metadata.resourceVersion).toBe(String(t.store.resourceVersion));
    expect(names((await t.client.get("/api/v1/namespaces/dev/pods")).json() as unknown as List)).toEqual(["web-1", "web-3", "web-5"]);
    expect((await t.client.get("/api/v1/pods")).json()).toMatchObject({ kind: "PodList", apiVersion: "v1" });
  });

  test("filters by label and field selectors", async () => {
    const web = (await t.client.get("/api/v1/pods?labelSelector=app%3Dweb,app%20notin%20(api)")).json() as unknown as List;
    expect(names(web)).toEqual(["web-0", "web-2", "web-1", "web-3"]);
    const onNode = (await t.client.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1,metadata.namespace%3Ddev")).json() as unknown as List;
    expect(names(onNode)).toEqual(["web-1"]);
    const bad = await t.client.get("/api/v1/pods?fieldSelector=spec.image%3Dx");
    expect(bad.json()).toMatchObject({ code: 400, reason: "BadRequest", message: "field label not supported: spec.image" });
  });

  test("pages with limit and continue at the first page's snapshot: objects created since are left out", async () => {
    const first = (await t.client.get("/api/v1/pods?limit=3")).json() as unknown as List;
    expect(names(first)).toEqual(["web-0", "web-2", "web-4"]);
    expect(first.metadata.remainingItemCount).toBe(4);
    t.store.create("pods", pod("web-9"));
    t.store.mutate("pods", "dev", "web-1", (p) => void (p.metadata.labels = { ...p.metadata.labels, touched: "yes" }));
    const second = (await t.client.get(`/api/v1/pods?limit=3&continue=${encodeURIComponent(first.metadata.continue!)}`)).json() as unknown as List;
    // web-9 came after the snapshot (kube-apiserver reads later pages from etcd at the first page's revision); web-1 was only changed.
    expect(names(second)).toEqual(["web-6", "web-1", "web-3"]);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    const third = (await t.client.get(`/api/v1/pods?limit=3&continue=${encodeURIComponent(second.metadata.continue!)}`)).json() as unknown as List;
    expect(names(third)).toEqual(["web-5"]);
    expect(third.metadata.continue).toBeUndefined();
    t.store.delete("pods", "default", "web-9");
  });

  test("answers 410 Expired, with a fresh token, for a continue token older than compaction", async () => {
    const first = (await t.client.get("/api/v1/pods?limit=2")).json() as unknown as List;
    t.store.create("pods", pod("late"));
    t.store.compact();
    const res = await t.client.get(`/api/v1/pods?limit=2&continue=${encodeURIComponent(first.metadata.continue!)}`);
    expect(res.status).toBe(410);
    expect(res.json()).toMatchObject({ reason: "Expired", code: 410, metadata: { continue: expect.any(String) }, message: expect.stringContaining("too old to display a consistent list result") });
    t.store.delete("pods", "default", "late");
  });

  test("validates list parameters like kube-apiserver", async () => {
    expect((await t.client.get("/api/v1/pods?limit=x")).status).toBe(400);
    expect((await t.client.get("/api/v1/pods?resourceVersionMatch=NotOlderThan")).json()).toMatchObject({ code: 400, message: "resourceVersionMatch is forbidden unless resourceVersion is provided" });
    expect((await t.client.get("/api/v1/pods?continue=abc&resourceVersion=5")).status).toBe(400);
    expect((await t.client.get(`/api/v1/pods?resourceVersion=${t.store.resourceVersion + 100}&resourceVersionMatch=NotOlderThan`)).json()).toMatchObject({ code: 504, reason: "Timeout" });
    expect((await t.client.get("/api/v1/pods?resourceVersion=0")).status).toBe(200);
  });

  test("answers kubectl's Table request with columns and metadata-only rows", async () => {
    const res = await t.client.get("/api/v1/namespaces/dev/pods?limit=500", { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json" });
    const table = res.json() as { kind: string; columnDefinitions: { name: string }[]; rows: { cells: unknown[]; object: { kind: string; metadata: { namespace: string } } }[] };
    expect(table.kind).toBe("Table");
    expect(table.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual(["Name", "Ready", "Status", "Restarts", "Age"]);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]!.object).toMatchObject({ kind: "PartialObjectMetadata", metadata: { namespace: "dev" } });
  });

  test("serves metadata-only lists", async () => {
    const res = await t.client.get("/api/v1/namespaces/dev/pods", { Accept: "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io" });
    expect(res.json()).toMatchObject({ kind: "PartialObjectMetadataList", items: [{ kind: "PartialObjectMetadata", metadata: { name: "web-1" } }, {}, {}] });
  });

  test("streams a 10,000-pod list as valid JSON", async () => {
    for (let i = 0; i < 10_000; i++) t.store.create("pods", pod(`bulk-${String(i).padStart(5, "0")}`, { namespace: "dev" }));
    const res = await t.client.get("/api/v1/namespaces/dev/pods");
    const list = res.json() as unknown as List;
    expect(list.items).toHaveLength(10_003);
    expect(res.headers["transfer-encoding"]).toBe("chunked");
  });
});
