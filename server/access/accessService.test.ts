import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Person } from "@/server/auth/person";
import { seedRbac } from "@/server/demo-cluster/simulation/seed/rbac";
import { startTestServer, type TestServer } from "@/server/demo-cluster/http/testing/testServer";
import type { ClusterConnection, KubeRequestInit } from "@/server/kube/connect";
import { connectToTestServer } from "@/server/kube/testing/fakeConnection";
import { AccessService, type AccessServiceOptions } from "./accessService";

let t: TestServer;
let base: ClusterConnection;
const namespaces = ["default", "kube-system", "kube-public", "kube-node-lease", "shop", "batch"];

beforeAll(async () => {
  t = await startTestServer();
  for (const name of ["shop", "batch"]) t.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  seedRbac(t.store, Date.UTC(2025, 0, 1));
  // vic may only list events in batch: visible through a kind other than pods.
  t.store.create("rbac.authorization.k8s.io/roles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "events", namespace: "batch" }, rules: [{ verbs: ["list"], apiGroups: [""], resources: ["events"] }] });
  t.store.create("rbac.authorization.k8s.io/rolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "vic", namespace: "batch" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "events" }, subjects: [{ kind: "User", name: "vic" }] });
  // pat may list pods in shop and batch, and nothing of metrics.k8s.io.
  for (const ns of ["shop", "batch"]) {
    t.store.create("rbac.authorization.k8s.io/roles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-lister", namespace: ns }, rules: [{ verbs: ["list"], apiGroups: [""], resources: ["pods"] }] });
    t.store.create("rbac.authorization.k8s.io/rolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "pat", namespace: ns }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-lister" }, subjects: [{ kind: "User", name: "pat" }] });
  }
  base = connectToTestServer(t.client.baseUrl);
});

afterAll(() => t.close());

interface Call {
  path: string;
  impersonating?: string | string[];
  authorization?: string | string[];
}

/** The connection to the demo apiserver, recording each request and how many were in flight at once. */
function recorded(answer?: (path: string) => number | undefined) {
  const calls: Call[] = [];
  let inFlight = 0;
  let peak = 0;
  const connection: ClusterConnection = {
    ...base,
    async request(path: string, init: KubeRequestInit = {}) {
      calls.push({ path, impersonating: init.headers?.["Impersonate-User"], authorization: init.headers?.Authorization });
      const status = answer?.(path);
      if (status !== undefined) return { status, headers: {}, body: undefined as never, text: async () => '{"kind":"Status","message":"refused"}', json: async () => ({}) as never };
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      try {
        return await base.request(path, init);
      } finally {
        inFlight--;
      }
    },
  };
  return { connection, calls, peak: () => peak };
}

function service(connection: ClusterConnection, options: Partial<AccessServiceOptions> = {}): AccessService {
  return new AccessService({ connection, namespaces: () => namespaces, mode: "impersonate", ...options });
}

const person = (name: string, extra: Partial<Person> = {}): Person => ({ name, groups: [], via: "session", readOnly: false, ...extra });
const dev = person("dev");
const admin = person("ops", { groups: ["orrery:admins"] });
const exec = (namespace: string) => ({ group: "", resource: "pods", subresource: "exec", namespace, name: "web" });

describe("AccessService", () => {
  test("a person bound in one namespace sees only it, discovered from the cluster's RBAC", async () => {
    const access = service(base).accessFor(dev);
    expect(await access.visibleNamespaces()).toEqual(["shop"]);
    expect(await access.listScope("pods")).toEqual({ all: false, namespaces: new Set(["shop"]) });
    expect(await access.listScope("nodes")).toEqual({ all: false, namespaces: new Set() });
    expect(await access.listScope("namespaces")).toEqual({ all: false, namespaces: new Set(["shop"]) });
    expect(await access.canList("pods", "shop")).toBe(true);
    expect(await access.canList("pods", "kube-system")).toBe(false);
    expect(await access.canList("pods")).toBe(false);
  });

  test("a namespace is visible through any watched kind, not only pods", async () => {
    expect(await service(base).accessFor(person("vic")).visibleNamespaces()).toEqual(["batch"]);
  });

  test("a cluster admin may list everything everywhere", async () => {
    const access = service(base).accessFor(admin);
    expect(await access.listScope("pods")).toEqual({ all: true });
    expect(await access.listScope("namespaces")).toEqual({ all: true });
    expect(await access.visibleNamespaces()).toEqual(namespaces);
  });

  test("usage rights follow list on pods.metrics.k8s.io per namespace and nodes.metrics.k8s.io cluster-wide", async () => {
    // edit (bound in shop) aggregates metrics.k8s.io like view does; a RoleBinding never grants the cluster-scoped nodes.
    expect(await service(base).accessFor(dev).usageScope()).toEqual({ pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false });
    expect(await service(base).accessFor(admin).usageScope()).toEqual({ pods: { all: true }, nodes: true });
    expect(await service(base).accessFor(person("pat")).usageScope()).toEqual({ pods: { all: false, namespaces: new Set() }, nodes: false });
  });

  test("usage rights are asked only for namespaces whose pods the person may list", async () => {
    const { connection, calls } = recorded();
    await service(connection).accessFor(person("pat")).usageScope();
    const asked = calls.length;
    // Two cluster-wide metrics checks, the pods list scope over every namespace, and metrics in shop and batch only.
    expect(asked).toBe(2 + 1 + namespaces.length + 2);
  });

  test("can() answers per namespace, and read-only persons may change nothing", async () => {
    const access = service(base).accessFor(dev);
    expect(await access.canAll([{ verb: "create", resource: exec("shop") }, { verb: "create", resource: exec("kube-system") }])).toEqual([true, false]);
    const readOnly = service(base).accessFor({ ...dev, readOnly: true });
    expect(await readOnly.can("create", exec("shop"))).toBe(false);
    expect(await readOnly.can("get", { group: "", resource: "pods", namespace: "shop" })).toBe(true);
    const everyoneReadOnly = service(base, { readOnly: () => true }).accessFor(admin);
    expect(await everyoneReadOnly.can("delete", { group: "", resource: "nodes", name: "node-1" })).toBe(false);
  });

  test("list checks are SubjectAccessReviews by Orrery; action checks are SelfSubjectAccessReviews as the person", async () => {
    const { connection, calls } = recorded();
    const access = service(connection).accessFor(dev);
    await access.canList("pods", "shop");
    expect(calls.map((c) => [c.path, c.impersonating])).toEqual([
      ["/apis/authorization.k8s.io/v1/subjectaccessreviews", undefined],
      ["/apis/authorization.k8s.io/v1/subjectaccessreviews", undefined],
    ]);
    calls.length = 0;
    await access.can("create", exec("shop"));
    expect(calls).toEqual([{ path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", impersonating: "dev", authorization: undefined }]);
  });

  test("in token mode and for the local person every check is asked as the person", async () => {
    const { connection, calls } = recorded();
    // The demo apiserver knows no OIDC tokens: the review is refused and the answer is "no".
    expect(await service(connection, { mode: "token" }).accessFor(person("dev", { bearerToken: "id-token" })).canList("pods", "shop")).toBe(false);
    expect(calls[0]).toEqual({ path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", impersonating: undefined, authorization: "Bearer id-token" });
    calls.length = 0;
    const local = service(connection).accessFor({ name: "local", groups: [], via: "local", readOnly: false });
    expect(await local.listScope("nodes")).toEqual({ all: true });
    expect(calls).toEqual([{ path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", impersonating: undefined, authorization: undefined }]);
  });

  test("answers are cached per person and check until they expire, and equal checks in flight are asked once", async () => {
    const { connection, calls } = recorded();
    const accessService = service(connection, { ttlMs: 80 });
    const access = accessService.accessFor(dev);
    await Promise.all([access.can("create", exec("shop")), access.can("create", exec("shop")), access.can("create", exec("shop"))]);
    expect(calls).toHaveLength(1);
    await access.can("create", exec("shop"));
    await accessService.accessFor(person("dev")).can("create", exec("shop"));
    expect(calls).toHaveLength(1);
    await accessService.accessFor(person("dev", { groups: ["qa"] })).can("create", exec("shop"));
    expect(calls).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await access.can("create", exec("shop"));
    expect(calls).toHaveLength(3);
  });

  test("many checks run in parallel under the concurrency cap", async () => {
    const { connection, calls, peak } = recorded();
    await service(connection, { concurrency: 3 }).accessFor(dev).visibleNamespaces();
    expect(calls.length).toBeGreaterThan(namespaces.length);
    expect(peak()).toBe(3);
  });

  test("when Orrery may not create SubjectAccessReviews it asks as the person instead", async () => {
    const { connection, calls } = recorded((path) => (path.endsWith("/subjectaccessreviews") ? 403 : undefined));
    expect(await service(connection).accessFor(dev).canList("pods", "shop")).toBe(true);
    expect(calls.filter((c) => c.path.endsWith("/selfsubjectaccessreviews")).length).toBeGreaterThan(0);
  });

  test("a review that fails counts as denied for a short while", async () => {
    let down = true;
    const { connection } = recorded((path) => (down && path.includes("accessreviews") ? 503 : undefined));
    const accessService = service(connection, { errorTtlMs: 50 });
    const access = accessService.accessFor(admin);
    expect(await access.can("get", { group: "", resource: "pods", namespace: "shop" })).toBe(false);
    down = false;
    expect(await access.can("get", { group: "", resource: "pods", namespace: "shop" })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await access.can("get", { group: "", resource: "pods", namespace: "shop" })).toBe(true);
  });
});
