import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "./http/testing/testServer";
import { deployment, pod } from "./http/testing/fixtures";

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  t.server.routes.http("GET", "/api/v1/namespaces/:namespace/pods/:name/log", (_req, res, ctx) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`log of ${ctx.params.namespace}/${ctx.params.name} for ${ctx.user} in ${ctx.groups.join("+")}`);
  });
  t.server.routes.upgrade("/api/v1/namespaces/:namespace/pods/:name/exec", (_req, socket, _head, ctx) => {
    socket.end(`HTTP/1.1 101 Switching Protocols\r\nX-Pod: ${ctx.params.name}\r\n\r\n`);
  });
});

afterAll(() => t.close());

/** Sends a raw upgrade request and returns what the server wrote before closing. */
function rawUpgrade(path: string, token: string | undefined): Promise<string> {
  const url = new URL(t.client.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      const auth = token ? `Authorization: Bearer ${token}\r\n` : "";
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${auth}\r\n`);
    });
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("authentication and routing", () => {
  test("refuses requests without the bearer token with a 401 Status", async () => {
    const res = await t.client.request("GET", "/api/v1/pods", { anonymous: true });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    expect((await t.client.request("GET", "/version", { headers: { Authorization: "Bearer wrong" }, anonymous: true })).status).toBe(401);
  });

  test("serves version and discovery", async () => {
    expect((await t.client.get("/version")).json()).toMatchObject({ major: "1", minor: "32", gitVersion: "v1.32.0-orrery-demo" });
    const core = (await t.client.get("/api/v1")).json() as { resources: { name: string; shortNames?: string[]; categories?: string[] }[] };
    expect(core.resources.find((r) => r.name === "pods")).toMatchObject({ shortNames: ["po"], categories: ["all"] });
    expect(core.resources.map((r) => r.name)).toEqual(expect.arrayContaining(["pods/log", "pods/exec", "pods/eviction", "nodes/proxy"]));
    const groups = (await t.client.get("/apis")).json() as { groups: { name: string }[] };
    expect(groups.groups.map((g) => g.name)).toEqual(expect.arrayContaining(["apps", "batch", "metrics.k8s.io", "policy", "authorization.k8s.io"]));
    const apps = (await t.client.get("/apis/apps/v1")).json() as { resources: { name: string; group?: string; kind: string }[] };
    expect(apps.resources.find((r) => r.name === "deployments/scale")).toMatchObject({ group: "autoscaling", kind: "Scale" });
    expect((await t.client.get("/healthz")).text).toBe("ok");
  });

  test("registered routes win over the generic API and see the impersonated user", async () => {
    // RBAC applies to impersonated users: team-a may read pod logs in dev.
    t.store.create("rbac.authorization.k8s.io/roles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "logs", namespace: "dev" }, rules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods/log"] }] });
    t.store.create("rbac.authorization.k8s.io/rolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "logs", namespace: "dev" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "logs" }, subjects: [{ kind: "Group", name: "team-a" }] });
    const res = await t.client.request("GET", "/api/v1/namespaces/dev/pods/web/log", { headers: { "Impersonate-User": "alice", "Impersonate-Group": "team-a" } });
    expect(res.text).toBe("log of dev/web for alice in team-a+system:authenticated");
  });

  test("upgrades go to registered handlers; others get a 404 Status and a closed socket", async () => {
    expect(await rawUpgrade("/api/v1/namespaces/dev/pods/web/exec?command=sh", "test-token")).toContain("X-Pod: web");
    const refused = await rawUpgrade("/api/v1/namespaces/dev/pods/web/portforward", "test-token");
    expect(refused).toMatch(/^HTTP\/1.1 404 Not Found/);
    expect(refused).toContain('"reason":"NotFound"');
    expect(await rawUpgrade("/api/v1/namespaces/dev/pods/web/exec", undefined)).toMatch(/^HTTP\/1.1 401/);
  });

  test("refuses a body over 3 MiB with 413", async () => {
    const huge = { metadata: { name: "big" }, data: { blob: "x".repeat(3 * 1024 * 1024 + 10) } };
    const res = await t.client.request("POST", "/api/v1/namespaces/default/configmaps", { body: huge });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ reason: "RequestEntityTooLarge", code: 413 });
  });

  test("answers unknown paths with a 404 Status", async () => {
    expect((await t.client.get("/apis/widgets.example.com/v1/widgets")).json()).toMatchObject({ kind: "Status", code: 404 });
  });
});

describe("create, read, update", () => {
  test("creates with defaults, refuses duplicates and namespace mismatches", async () => {
    const created = await t.client.request("POST", "/api/v1/namespaces/default/pods", { body: { apiVersion: "v1", kind: "Pod", metadata: { name: "c1" }, spec: { containers: [{ name: "a", image: "busybox" }] } } });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ metadata: { name: "c1", namespace: "default", uid: expect.any(String) }, spec: { restartPolicy: "Always", containers: [{ imagePullPolicy: "Always" }] }, status: { phase: "Pending", qosClass: "BestEffort" } });
    const again = await t.client.request("POST", "/api/v1/namespaces/default/pods", { body: { metadata: { name: "c1" }, spec: { containers: [{ name: "a", image: "busybox" }] } } });
    expect(again.json()).toMatchObject({ code: 409, reason: "AlreadyExists", message: 'pods "c1" already exists' });
    const elsewhere = await t.client.request("POST", "/api/v1/namespaces/default/pods", { body: { metadata: { name: "c2", namespace: "other" }, spec: { containers: [{ name: "a", image: "b" }] } } });
    expect(elsewhere.status).toBe(400);
  });

  test("refuses a create in a namespace that does not exist, and invalid objects", async () => {
    const missing = await t.client.request("POST", "/api/v1/namespaces/nowhere/configmaps", { body: { metadata: { name: "x" } } });
    expect(missing.json()).toMatchObject({ code: 404, message: 'namespaces "nowhere" not found' });
    const badName = await t.client.request("POST", "/api/v1/namespaces/default/configmaps", { body: { metadata: { name: "Bad_Name" } } });
    expect(badName.json()).toMatchObject({ code: 422, reason: "Invalid" });
    const mismatch = deployment("mismatch", 1);
    (mismatch.spec as { selector: unknown }).selector = { matchLabels: { app: "other" } };
    const selector = await t.client.request("POST", "/apis/apps/v1/namespaces/default/deployments", { body: mismatch });
    expect(selector.json()).toMatchObject({ code: 422, message: expect.stringContaining("`selector` does not match template `labels`") });
  });

  test("names objects from generateName", async () => {
    const res = await t.client.request("POST", "/api/v1/namespaces/default/configmaps", { body: { metadata: { generateName: "cfg-" }, data: { a: "1" } } });
    expect((res.json().metadata as { name: string }).name).toMatch(/^cfg-[a-z0-9]{5}$/);
  });

  test("gets with qualified NotFound messages", async () => {
    const res = await t.client.get("/apis/apps/v1/namespaces/default/deployments/nope");
    expect(res.json()).toMatchObject({ code: 404, reason: "NotFound", message: 'deployments.apps "nope" not found', details: { name: "nope", group: "apps", kind: "deployments" } });
  });

  test("PUT with a stale resourceVersion is a 409 Conflict", async () => {
    const first = t.store.create("configmaps", { metadata: { name: "cm-put", namespace: "default" }, data: { a: "1" } });
    t.store.mutate("configmaps", "default", "cm-put", (d) => void (d.data = { a: "2" }));
    const res = await t.client.request("PUT", "/api/v1/namespaces/default/configmaps/cm-put", { body: { ...first, data: { a: "3" } } });
    expect(res.json()).toMatchObject({ code: 409, reason: "Conflict", message: expect.stringContaining('configmaps "cm-put": the object has been modified') });
  });

  test("PATCH speaks merge, strategic merge and JSON patch; server-side apply is 415", async () => {
    t.store.create("apps/deployments", deployment("patchme", 1));
    const path = "/apis/apps/v1/namespaces/default/deployments/patchme";
    const merge = await t.client.request("PATCH", path, { body: { spec: { replicas: 4 } }, headers: { "Content-Type": "application/merge-patch+json" } });
    expect(merge.json()).toMatchObject({ spec: { replicas: 4 }, metadata: { generation: 2 } });
    const strategic = await t.client.request("PATCH", path, { body: { spec: { template: { spec: { containers: [{ name: "sidecar", image: "envoy" }] } } } }, headers: { "Content-Type": "application/strategic-merge-patch+json" } });
    expect((strategic.json() as { spec: { template: { spec: { containers: { name: string }[] } } } }).spec.template.spec.containers.map((c) => c.name)).toEqual(["web", "sidecar"]);
    const json = await t.client.request("PATCH", path, { body: [{ op: "replace", path: "/spec/replicas", value: 2 }], headers: { "Content-Type": "application/json-patch+json" } });
    expect(json.json()).toMatchObject({ spec: { replicas: 2 } });
    const apply = await t.client.request("PATCH", path, { body: "{}", headers: { "Content-Type": "application/apply-patch+yaml" } });
    expect(apply.status).toBe(415);
  });

  test("the status subresource writes status only; the main resource keeps status", async () => {
    t.store.create("apps/deployments", deployment("statusy", 2));
    const path = "/apis/apps/v1/namespaces/default/deployments/statusy";
    const onStatus = await t.client.request("PATCH", `${path}/status`, { body: { status: { readyReplicas: 1 }, spec: { replicas: 9 } }, headers: { "Content-Type": "application/merge-patch+json" } });
    expect(onStatus.json()).toMatchObject({ spec: { replicas: 2 }, status: { readyReplicas: 1 } });
    const onMain = await t.client.request("PATCH", path, { body: { status: { readyReplicas: 7 } }, headers: { "Content-Type": "application/merge-patch+json" } });
    expect(onMain.json()).toMatchObject({ status: { readyReplicas: 1 } });
  });

  test("serves a single object as a Table to kubectl get", async () => {
    t.store.create("pods", pod("tabled"));
    const res = await t.client.get("/api/v1/namespaces/default/pods/tabled", { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" });
    expect(res.json()).toMatchObject({ kind: "Table", rows: [{ cells: ["tabled", "1/1", "Running", "0", expect.any(String), "10.244.0.9", "node-1", "<none>", "<none>"] }] });
  });

  test("answers the demo admin's access reviews as allowed (system:masters)", async () => {
    const body = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb: "delete", resource: "pods", namespace: "default" } } };
    const res = await t.client.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { body });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ kind: "SelfSubjectAccessReview", spec: body.spec, status: { allowed: true } });
  });
});
