import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "./testing/testServer";
import { deployment } from "./testing/fixtures";

let t: TestServer;
const path = "/apis/apps/v1/namespaces/default/deployments/web/scale";

beforeAll(async () => {
  t = await startTestServer();
  t.store.create("apps/deployments", deployment("web", 3));
});

afterAll(() => t.close());

describe("scale subresource", () => {
  test("GET answers an autoscaling/v1 Scale with the selector as a string", async () => {
    expect((await t.client.get(path)).json()).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", metadata: { name: "web", namespace: "default" }, spec: { replicas: 3 }, status: { replicas: 3, selector: "app=web" } });
  });

  test("PATCH (kubectl scale) writes spec.replicas of the deployment", async () => {
    const res = await t.client.request("PATCH", path, { body: { spec: { replicas: 5 } }, headers: { "Content-Type": "application/merge-patch+json" } });
    expect(res.json()).toMatchObject({ spec: { replicas: 5 } });
    expect(t.store.get("apps/deployments", "default", "web")?.spec).toMatchObject({ replicas: 5 });
  });

  test("PUT honours the resourceVersion precondition", async () => {
    const scale = (await t.client.get(path)).json() as { metadata: { resourceVersion: string } };
    const ok = await t.client.request("PUT", path, { body: { ...scale, spec: { replicas: 1 } } });
    expect(ok.json()).toMatchObject({ spec: { replicas: 1 } });
    const stale = await t.client.request("PUT", path, { body: { ...scale, spec: { replicas: 2 } } });
    expect(stale.json()).toMatchObject({ code: 409, reason: "Conflict" });
  });

  test("refuses negative replicas with 422 and an unknown object with 404", async () => {
    expect((await t.client.request("PATCH", path, { body: { spec: { replicas: -1 } }, headers: { "Content-Type": "application/merge-patch+json" } })).json()).toMatchObject({ code: 422 });
    expect((await t.client.get("/apis/apps/v1/namespaces/default/deployments/none/scale")).status).toBe(404);
    expect((await t.client.get("/apis/apps/v1/namespaces/default/daemonsets/web/scale")).status).toBe(404);
  });
});
