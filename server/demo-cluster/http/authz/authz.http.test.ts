import type { IncomingMessage } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedRbac } from "../../simulation/seed/rbac";
import { startTestServer, type TestServer } from "../testing/testServer";
import { pod } from "../testing/fixtures";
import { ApiError } from "../apiError";
import { checkImpersonation } from "./impersonation";
import { RbacAuthorizer } from "./rbacAuthorizer";
import { rbacKeys } from "./rbacTypes";

let t: TestServer;
const rbac = "rbac.authorization.k8s.io/v1";

beforeAll(async () => {
  t = await startTestServer();
  seedRbac(t.store, Date.UTC(2025, 0, 1));
  for (const name of ["shop"]) t.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  t.store.create("pods", pod("web", { namespace: "shop" }));
  // gus may open exec streams ("get") but not create them.
  t.store.create(rbacKeys.roles, { apiVersion: rbac, kind: "Role", metadata: { name: "exec-get", namespace: "shop" }, rules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods/exec"] }] });
  t.store.create(rbacKeys.roleBindings, { apiVersion: rbac, kind: "RoleBinding", metadata: { name: "gus", namespace: "shop" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "exec-get" }, subjects: [{ kind: "User", name: "gus" }] });
});

afterAll(() => t.close());

const as = (user: string, group?: string) => ({ "Impersonate-User": user, ...(group ? { "Impersonate-Group": group } : {}) });

async function review(kind: string, plural: string, spec: Record<string, unknown>, headers: Record<string, string> = {}, namespace?: string) {
  const path = namespace ? `/apis/authorization.k8s.io/v1/namespaces/${namespace}/${plural}` : `/apis/authorization.k8s.io/v1/${plural}`;
  return t.client.request("POST", path, { body: { apiVersion: "authorization.k8s.io/v1", kind, spec }, headers });
}

function rawUpgrade(path: string, headers: Record<string, string>): Promise<string> {
  const url = new URL(t.client.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      const lines = Object.entries({ Authorization: "Bearer test-token", ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${lines}\r\n`);
    });
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("demo apiserver RBAC", () => {
  test("an impersonated user gets what their bindings allow", async () => {
    const res = await t.client.get("/api/v1/namespaces/shop/pods", as("dev"));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ kind: "PodList", items: [{ metadata: { name: "web" } }] });
  });

  test("denials are 403 Forbidden with kube-apiserver's exact message and details", async () => {
    const inNamespace = await t.client.get("/api/v1/namespaces/kube-system/pods", as("dev"));
    expect(inNamespace.status).toBe(403);
    expect(inNamespace.json()).toEqual({
      kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "Forbidden", code: 403, details: { kind: "pods" },
      message: 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    });
    expect((await t.client.get("/api/v1/pods", as("dev"))).json().message).toBe('pods is forbidden: User "dev" cannot list resource "pods" in API group "" at the cluster scope');
    const named = (await t.client.get("/apis/apps/v1/namespaces/kube-system/deployments/coredns", as("dev"))).json();
    expect(named).toMatchObject({ message: 'deployments.apps "coredns" is forbidden: User "dev" cannot get resource "deployments" in API group "apps" in the namespace "kube-system"', details: { name: "coredns", group: "apps", kind: "deployments" } });
    expect((await t.client.get("/metrics", as("dev"))).json().message).toBe('forbidden: User "dev" cannot get path "/metrics"');
  });

  test("impersonation by the demo admin (system:masters) is allowed and adds system:authenticated", async () => {
    const res = await t.client.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", { body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }, headers: as("dev", "qa") });
    expect(res.json()).toMatchObject({ status: { userInfo: { username: "dev", groups: ["qa", "system:authenticated"] } } });
  });

  test("impersonation needs the impersonate verb on each user and group", () => {
    const authorizer = new RbacAuthorizer(t.store);
    const req = (headers: Record<string, string[]>) => ({ headersDistinct: headers }) as unknown as IncomingMessage;
    const dev = { user: "dev", groups: ["system:authenticated"] };
    const denied = () => checkImpersonation(authorizer, dev, req({ "impersonate-user": ["alice"] }));
    expect(denied).toThrow(ApiError);
    expect(denied).toThrow('users "alice" is forbidden: User "dev" cannot impersonate resource "users" in API group "" at the cluster scope');
    // edit lets dev impersonate ServiceAccounts of shop, and nothing else.
    expect(() => checkImpersonation(authorizer, dev, req({ "impersonate-user": ["system:serviceaccount:shop:default"] }))).not.toThrow();
    expect(() => checkImpersonation(authorizer, dev, req({ "impersonate-user": ["system:serviceaccount:kube-system:default"] }))).toThrow(/cannot impersonate resource "serviceaccounts" in API group "" in the namespace "kube-system"/);
    expect(() => checkImpersonation(authorizer, dev, req({ "impersonate-user": ["system:serviceaccount:shop:default"], "impersonate-group": ["system:masters"] }))).toThrow('groups "system:masters" is forbidden: User "dev" cannot impersonate resource "groups" in API group "" at the cluster scope');
    const admin = { user: "ops", groups: ["orrery:admins", "system:authenticated"] };
    expect(() => checkImpersonation(authorizer, admin, req({ "impersonate-user": ["alice"], "impersonate-group": ["system:masters"] }))).not.toThrow();
  });

  test("SelfSubjectAccessReview, SubjectAccessReview and LocalSubjectAccessReview answer from RBAC", async () => {
    const listPods = (namespace: string) => ({ resourceAttributes: { verb: "list", resource: "pods", namespace } });
    expect((await review("SelfSubjectAccessReview", "selfsubjectaccessreviews", listPods("shop"), as("dev"))).json()).toMatchObject({ status: { allowed: true, reason: 'RBAC: allowed by RoleBinding "dev-edit/shop" of ClusterRole "edit" to User "dev"' } });
    expect((await review("SelfSubjectAccessReview", "selfsubjectaccessreviews", listPods("kube-system"), as("dev"))).json().status).toEqual({ allowed: false });
    // A SubjectAccessReview adds no groups: without system:authenticated, discovery is not allowed.
    const discovery = { nonResourceAttributes: { verb: "get", path: "/apis" } };
    expect((await review("SubjectAccessReview", "subjectaccessreviews", { user: "dev", ...discovery })).json().status).toEqual({ allowed: false });
    expect((await review("SubjectAccessReview", "subjectaccessreviews", { user: "dev", groups: ["system:authenticated"], ...discovery })).json().status).toMatchObject({ allowed: true });
    const local = await review("LocalSubjectAccessReview", "localsubjectaccessreviews", { user: "dev", ...listPods("shop") }, {}, "shop");
    expect(local.json()).toMatchObject({ metadata: { namespace: "shop" }, status: { allowed: true } });
    const mismatch = await review("LocalSubjectAccessReview", "localsubjectaccessreviews", { user: "dev", ...listPods("kube-system") }, {}, "shop");
    expect(mismatch.status).toBe(422);
    expect(mismatch.json().message).toBe('.authorization.k8s.io "" is invalid: spec.resourceAttributes.namespace: Invalid value: "kube-system": must match metadata.namespace');
    expect((await review("SubjectAccessReview", "subjectaccessreviews", listPods("shop"))).json().message).toMatch(/at least one of user or group must be specified/);
  });

  test("metrics.k8s.io is authorized like kube's: view and edit aggregate pods and nodes metrics, a RoleBinding grants no node's", async () => {
    const list = (resource: string, namespace?: string) => ({ user: "dev", groups: ["system:authenticated"], resourceAttributes: { verb: "list", group: "metrics.k8s.io", resource, ...(namespace ? { namespace } : {}) } });
    expect((await review("SubjectAccessReview", "subjectaccessreviews", list("pods", "shop"))).json().status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "dev-edit/shop" of ClusterRole "edit" to User "dev"' });
    expect((await review("SubjectAccessReview", "subjectaccessreviews", list("pods", "kube-system"))).json().status).toEqual({ allowed: false });
    expect((await review("SubjectAccessReview", "subjectaccessreviews", list("pods"))).json().status).toEqual({ allowed: false });
    expect((await review("SubjectAccessReview", "subjectaccessreviews", list("nodes"))).json().status).toEqual({ allowed: false });
    // gus may get pods/exec in shop and nothing else: no metrics either.
    expect((await review("SubjectAccessReview", "subjectaccessreviews", { ...list("pods", "shop"), user: "gus" })).json().status).toEqual({ allowed: false });
    const denied = await t.client.get("/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods", as("dev"));
    expect(denied.status).toBe(403);
    expect(denied.json().message).toBe('pods.metrics.k8s.io is forbidden: User "dev" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "kube-system"');
    expect((await t.client.get("/apis/metrics.k8s.io/v1beta1/nodes", as("dev"))).json().message).toBe('nodes.metrics.k8s.io is forbidden: User "dev" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope');
  });

  test("creating a SubjectAccessReview is itself authorized", async () => {
    const res = await review("SubjectAccessReview", "subjectaccessreviews", { user: "x", resourceAttributes: { verb: "get", resource: "pods" } }, as("dev"));
    expect(res.status).toBe(403);
    expect(res.json().message).toBe('subjectaccessreviews.authorization.k8s.io is forbidden: User "dev" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope');
  });

  test("SelfSubjectRulesReview lists the rules of the namespace", async () => {
    const inShop = (await review("SelfSubjectRulesReview", "selfsubjectrulesreviews", { namespace: "shop" }, as("dev"))).json() as { spec: unknown; status: { resourceRules: { resources?: string[]; verbs: string[] }[]; nonResourceRules: { nonResourceURLs: string[] }[]; incomplete: boolean } };
    expect(inShop.spec).toEqual({});
    expect(inShop.status.incomplete).toBe(false);
    expect(inShop.status.resourceRules).toContainEqual({ verbs: ["create", "delete", "deletecollection", "patch", "update"], apiGroups: [""], resources: ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"] });
    expect(inShop.status.nonResourceRules.some((r) => r.nonResourceURLs.includes("/apis/*"))).toBe(true);
    const elsewhere = (await review("SelfSubjectRulesReview", "selfsubjectrulesreviews", { namespace: "kube-system" }, as("dev"))).json() as typeof inShop;
    expect(elsewhere.status.resourceRules.some((r) => r.resources?.includes("pods"))).toBe(false);
    expect((await review("SelfSubjectRulesReview", "selfsubjectrulesreviews", {}, as("dev"))).json()).toMatchObject({ code: 400, message: "no namespace on request" });
  });

  test("exec upgrades need get and create on pods/exec", async () => {
    const path = "/api/v1/namespaces/shop/pods/web/exec?command=sh";
    // No exec handler is registered in this server: passing authorization ends in 404.
    expect(await rawUpgrade(path, as("dev"))).toMatch(/^HTTP\/1.1 404/);
    const gus = await rawUpgrade(path, as("gus"));
    expect(gus).toMatch(/^HTTP\/1.1 403/);
    expect(gus).toContain('pods \\"web\\" is forbidden: User \\"gus\\" cannot create resource \\"pods/exec\\" in API group \\"\\" in the namespace \\"shop\\"');
    expect(await rawUpgrade("/api/v1/namespaces/kube-system/pods/x/exec", as("dev"))).toContain('cannot get resource \\"pods/exec\\"');
  });
});
