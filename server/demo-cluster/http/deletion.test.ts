import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { startTestServer, type TestServer } from "./testing/testServer";
import { deployment, namespace, pod } from "./testing/fixtures";

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function owned(object: KubeObject, owner: KubeObject): KubeObject {
  const ref = { apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true };
  return { ...object, metadata: { ...object.metadata, ownerReferences: [ref] } };
}

describe("delete", () => {
  test("deletes a pod gracefully: deletionTimestamp first, gone within a second", async () => {
    t.store.create("pods", pod("graceful"));
    const res = await t.client.request("DELETE", "/api/v1/namespaces/default/pods/graceful", { body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: "Background" } });
    expect(res.status).toBe(200);
    const marked = res.json() as KubeObject & { metadata: { deletionGracePeriodSeconds: number } };
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(t.store.get("pods", "default", "graceful")?.metadata.deletionTimestamp).toBeDefined();
    await sleep(1200);
    expect(t.store.get("pods", "default", "graceful")).toBeUndefined();
  });

  test("gracePeriodSeconds=0 (query or body) removes a pod at once", async () => {
    t.store.create("pods", pod("now-q"));
    t.store.create("pods", pod("now-b"));
    expect((await t.client.request("DELETE", "/api/v1/namespaces/default/pods/now-q?gracePeriodSeconds=0")).status).toBe(200);
    await t.client.request("DELETE", "/api/v1/namespaces/default/pods/now-b", { body: { gracePeriodSeconds: 0 } });
    expect(t.store.get("pods", "default", "now-q")).toBeUndefined();
    expect(t.store.get("pods", "default", "now-b")).toBeUndefined();
  });

  test("removes an unscheduled pod and other kinds at once", async () => {
    const unscheduled = pod("pending");
    (unscheduled.spec as { nodeName?: string }).nodeName = undefined;
    t.store.create("pods", unscheduled);
    t.store.create("configmaps", { metadata: { name: "gone", namespace: "default" } });
    await t.client.request("DELETE", "/api/v1/namespaces/default/pods/pending");
    const res = await t.client.request("DELETE", "/api/v1/namespaces/default/configmaps/gone");
    expect(res.json()).toMatchObject({ kind: "ConfigMap", metadata: { name: "gone" } });
    expect(t.store.get("pods", "default", "pending")).toBeUndefined();
    expect(t.store.get("configmaps", "default", "gone")).toBeUndefined();
    expect((await t.client.request("DELETE", "/api/v1/namespaces/default/configmaps/gone")).status).toBe(404);
  });

  test("honours a uid precondition", async () => {
    t.store.create("configmaps", { metadata: { name: "pre", namespace: "default" } });
    const res = await t.client.request("DELETE", "/api/v1/namespaces/default/configmaps/pre", { body: { preconditions: { uid: "someone-else" } } });
    expect(res.json()).toMatchObject({ code: 409, reason: "Conflict" });
    expect(t.store.get("configmaps", "default", "pre")).toBeDefined();
  });

  test("keeps an object with finalizers until they are removed", async () => {
    t.store.create("configmaps", { metadata: { name: "held", namespace: "default", finalizers: ["example.com/hold"] } });
    const res = await t.client.request("DELETE", "/api/v1/namespaces/default/configmaps/held");
    expect(res.json()).toMatchObject({ metadata: { deletionTimestamp: expect.any(String) } });
    await t.client.request("PATCH", "/api/v1/namespaces/default/configmaps/held", { body: { metadata: { finalizers: null } }, headers: { "Content-Type": "application/merge-patch+json" } });
    expect(t.store.get("configmaps", "default", "held")).toBeUndefined();
  });

  test("Background removes the owner at once; Orphan and Foreground leave it to the garbage collector with a finalizer", async () => {
    const background = t.store.create("apps/deployments", deployment("bg", 1));
    const rs = t.store.create("apps/replicasets", owned({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "bg-1", namespace: "default" }, spec: {} }, background));
    await t.client.request("DELETE", "/apis/apps/v1/namespaces/default/deployments/bg", { body: { propagationPolicy: "Background" } });
    expect(t.store.get("apps/deployments", "default", "bg")).toBeUndefined();
    // Dependents are the garbage collector's (the simulation's) work, as in a real cluster.
    expect(t.store.get("apps/replicasets", "default", "bg-1")?.metadata.uid).toBe(rs.metadata.uid);

    t.store.create("apps/deployments", deployment("orphaning", 1));
    const orphan = await t.client.request("DELETE", "/apis/apps/v1/namespaces/default/deployments/orphaning?propagationPolicy=Orphan");
    expect(orphan.json()).toMatchObject({ metadata: { finalizers: ["orphan"], deletionTimestamp: expect.any(String) } });
    t.store.create("apps/deployments", deployment("fg", 1));
    const foreground = await t.client.request("DELETE", "/apis/apps/v1/namespaces/default/deployments/fg", { body: { propagationPolicy: "Foreground" } });
    expect(foreground.json()).toMatchObject({ metadata: { finalizers: ["foregroundDeletion"] } });
    expect(t.store.get("apps/deployments", "default", "fg")).toBeDefined();
  });

  test("a namespace goes Terminating and refuses new content; the namespace controller empties it", async () => {
    t.store.create("namespaces", namespace("doomed"));
    const res = await t.client.request("DELETE", "/api/v1/namespaces/doomed");
    expect(res.json()).toMatchObject({ metadata: { deletionTimestamp: expect.any(String) }, status: { phase: "Terminating" } });
    const refused = await t.client.request("POST", "/api/v1/namespaces/doomed/configmaps", { body: { metadata: { name: "late" } } });
    expect(refused.json()).toMatchObject({ code: 403, reason: "Forbidden", message: expect.stringContaining("because it is being terminated") });
  });

  test("deletes a collection by label selector", async () => {
    for (const name of ["dc-1", "dc-2", "dc-3"]) t.store.create("configmaps", { metadata: { name, namespace: "default", labels: { batch: name === "dc-3" ? "keep" : "drop" } } });
    const res = await t.client.request("DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddrop");
    expect((res.json().items as KubeObject[]).map((o) => o.metadata.name)).toEqual(["dc-1", "dc-2"]);
    expect(t.store.get("configmaps", "default", "dc-3")).toBeDefined();
  });
});
