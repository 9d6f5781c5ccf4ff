import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "./testing/testServer";
import { pod } from "./testing/fixtures";

let t: TestServer;

const evict = (name: string) =>
  t.client.request("POST", `/api/v1/namespaces/default/pods/${name}/eviction`, { body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace: "default" } } });

beforeAll(async () => {
  t = await startTestServer();
  for (const name of ["db-0", "db-1", "db-2"]) t.store.create("pods", pod(name, { labels: { app: "db" } }));
  t.store.create("pods", pod("db-sick", { labels: { app: "db" }, ready: false }));
  t.store.create("pods", pod("loner", { labels: { app: "loner" } }));
  t.store.create("policy/poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "db-pdb", namespace: "default" }, spec: { minAvailable: 2, selector: { matchLabels: { app: "db" } } } });
});

afterAll(() => t.close());

describe("eviction", () => {
  test("evicts a pod without a budget gracefully and answers 201", async () => {
    const res = await evict("loner");
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ kind: "Status", status: "Success" });
    expect(t.store.get("pods", "default", "loner")?.metadata.deletionTimestamp).toBeDefined();
  });

  test("allows evictions while the budget holds, then answers 429 with the budget's words", async () => {
    expect((await evict("db-0")).status).toBe(201);
    const blocked = await evict("db-1");
    expect(blocked.status).toBe(429);
    expect(blocked.json()).toMatchObject({
      reason: "TooManyRequests",
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: "DisruptionBudget", message: "The disruption budget db-pdb needs 2 healthy pods and has 2 currently" }] },
    });
    expect(t.store.get("pods", "default", "db-1")?.metadata.deletionTimestamp).toBeUndefined();
  });

  test("lets an unready pod go while the budget is met", async () => {
    expect((await evict("db-sick")).status).toBe(201);
  });

  test("404 for a missing pod, 400 for a mismatched name", async () => {
    expect((await evict("ghost")).status).toBe(404);
    const mismatch = await t.client.request("POST", "/api/v1/namespaces/default/pods/db-2/eviction", { body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "db-1" } } });
    expect(mismatch.status).toBe(400);
  });
});
