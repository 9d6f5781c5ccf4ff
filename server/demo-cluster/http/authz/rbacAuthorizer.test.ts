import { beforeAll, describe, expect, test } from "vitest";
import { ObjectStore } from "../../store";
import { seedRbac } from "../../simulation/seed/rbac";
import { RbacAuthorizer } from "./rbacAuthorizer";
import { rbacKeys, type RequestAttributes, type UserInfo } from "./rbacTypes";

const store = new ObjectStore();
const authorizer = new RbacAuthorizer(store);
const rbac = "rbac.authorization.k8s.io/v1";

beforeAll(() => {
  seedRbac(store, Date.UTC(2025, 0, 1));
  store.create(rbacKeys.roles, { apiVersion: rbac, kind: "Role", metadata: { name: "web-reader", namespace: "shop" }, rules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }] });
  store.create(rbacKeys.roles, { apiVersion: rbac, kind: "Role", metadata: { name: "pod-maker", namespace: "shop" }, rules: [{ verbs: ["create"], apiGroups: [""], resources: ["pods"] }, { verbs: ["patch"], apiGroups: ["apps"], resources: ["*/scale"] }] });
  store.create(rbacKeys.clusterRoles, { apiVersion: rbac, kind: "ClusterRole", metadata: { name: "log-reader" }, rules: [{ verbs: ["get"], nonResourceURLs: ["/logs/*"] }] });
  const binding = (name: string, roleKind: string, role: string, subject: Record<string, string>) => ({ apiVersion: rbac, kind: "RoleBinding", metadata: { name, namespace: "shop" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: role }, subjects: [subject] });
  store.create(rbacKeys.roleBindings, binding("ann-web", "Role", "web-reader", { kind: "User", name: "ann" }));
  store.create(rbacKeys.roleBindings, binding("builder", "Role", "pod-maker", { kind: "ServiceAccount", name: "builder" }));
  store.create(rbacKeys.roleBindings, binding("broken", "Role", "gone", { kind: "User", name: "ann" }));
  store.create(rbacKeys.clusterRoleBindings, { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "logs" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "log-reader" }, subjects: [{ kind: "Group", name: "auditors" }] });
  // A ClusterRoleBinding cannot refer to a Role: it grants nothing.
  store.create(rbacKeys.clusterRoleBindings, { apiVersion: rbac, kind: "ClusterRoleBinding", metadata: { name: "wrong-kind" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-maker" }, subjects: [{ kind: "User", name: "eve" }] });
});

const authenticated = (user: string, ...groups: string[]): UserInfo => ({ user, groups: [...groups, "system:authenticated"] });
const dev = authenticated("dev");
const ann = authenticated("ann");

function res(verb: string, resource: string, namespace = "", extra: Partial<RequestAttributes> = {}): RequestAttributes {
  const [plural, subresource = ""] = resource.split("/");
  return { verb, resourceRequest: true, path: "", apiGroup: "", apiVersion: "v1", resource: plural!, subresource, namespace, name: "", ...extra };
}

function url(verb: string, path: string): RequestAttributes {
  return { verb, resourceRequest: false, path, apiGroup: "", apiVersion: "", resource: "", subresource: "", namespace: "", name: "" };
}

describe("RbacAuthorizer", () => {
  test.each<[string, UserInfo, RequestAttributes, boolean]>([
    ["system:masters may do anything", authenticated("root", "system:masters"), res("delete", "nodes", "", { name: "node-1" }), true],
    ["dev lists pods in shop (edit)", dev, res("list", "pods", "shop"), true],
    ["dev execs in shop", dev, res("create", "pods/exec", "shop", { name: "web" }), true],
    ["dev scales a deployment in shop", dev, res("patch", "deployments/scale", "shop", { apiGroup: "apps", name: "web" }), true],
    ["dev may not list pods in kube-system", dev, res("list", "pods", "kube-system"), false],
    ["dev may not list pods cluster-wide", dev, res("list", "pods"), false],
    ["dev may not list roles in shop (edit has no RBAC)", dev, res("list", "roles", "shop", { apiGroup: "rbac.authorization.k8s.io" }), false],
    ["dev gets the shop Namespace object through the RoleBinding", dev, res("get", "namespaces", "shop", { name: "shop" }), true],
    ["dev may not list Namespaces", dev, res("list", "namespaces"), false],
    ["a group member of orrery:admins deletes nodes", authenticated("ops", "orrery:admins"), res("delete", "nodes", "", { name: "node-1" }), true],
    ["any authenticated user reads discovery", authenticated("nobody"), url("get", "/apis/apps/v1"), true],
    ["but may not post to it", authenticated("nobody"), url("post", "/apis"), false],
    ["nor read /metrics", authenticated("nobody"), url("get", "/metrics"), false],
    ["any authenticated user creates SelfSubjectAccessReviews", authenticated("nobody"), res("create", "selfsubjectaccessreviews", "", { apiGroup: "authorization.k8s.io" }), true],
    ["without system:authenticated there is no discovery", { user: "bare", groups: [] }, url("get", "/api"), false],
    ["a non-resource prefix rule matches below it", authenticated("al", "auditors"), url("get", "/logs/kube-apiserver.log"), true],
    ["resourceNames allow the named pod", ann, res("get", "pods", "shop", { name: "web" }), true],
    ["resourceNames refuse other pods", ann, res("get", "pods", "shop", { name: "db" }), false],
    ["resourceNames refuse a list", ann, res("list", "pods", "shop"), false],
    ["a ServiceAccount subject without namespace takes the binding's", authenticated("system:serviceaccount:shop:builder"), res("create", "pods", "shop"), true],
    ["the same name in another namespace does not match", authenticated("system:serviceaccount:batch:builder"), res("create", "pods", "shop"), false],
    ["create on pods does not cover pods/exec", authenticated("system:serviceaccount:shop:builder"), res("create", "pods/exec", "shop"), false],
    ["*/scale covers any scale subresource of the group", authenticated("system:serviceaccount:shop:builder"), res("patch", "statefulsets/scale", "shop", { apiGroup: "apps" }), true],
    ["*/scale is not the resource itself", authenticated("system:serviceaccount:shop:builder"), res("patch", "statefulsets", "shop", { apiGroup: "apps" }), false],
    ["a ClusterRoleBinding to a Role grants nothing", authenticated("eve"), res("create", "pods", "shop"), false],
  ])("%s", (_title, user, attrs, allowed) => {
    expect(authorizer.authorize(user, attrs).allowed).toBe(allowed);
  });

  test("says which binding allowed, in kube's words", () => {
    expect(authorizer.authorize(dev, res("list", "pods", "shop")).reason).toBe('RBAC: allowed by RoleBinding "dev-edit/shop" of ClusterRole "edit" to User "dev"');
    expect(authorizer.authorize(authenticated("ops", "orrery:admins"), res("list", "nodes")).reason).toBe('RBAC: allowed by ClusterRoleBinding "orrery-admins" of ClusterRole "cluster-admin" to Group "orrery:admins"');
    expect(authorizer.authorize(authenticated("system:serviceaccount:shop:builder"), res("create", "pods", "shop")).reason).toBe('RBAC: allowed by RoleBinding "builder/shop" of Role "pod-maker" to ServiceAccount "builder"');
  });

  test("a denial names bindings that refer to missing roles", () => {
    expect(authorizer.authorize(ann, res("delete", "pods", "shop", { name: "web" }))).toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found' });
    expect(authorizer.authorize(dev, res("list", "pods", "kube-system"))).toEqual({ allowed: false, reason: "" });
  });

  test("rulesFor lists cluster-wide rules everywhere and a RoleBinding's only in its namespace", () => {
    const inShop = authorizer.rulesFor(dev, "shop").rules;
    const inKubeSystem = authorizer.rulesFor(dev, "kube-system").rules;
    expect(inShop.some((r) => r.resources?.includes("pods/exec") && r.verbs?.includes("create"))).toBe(true);
    expect(inKubeSystem.some((r) => r.resources?.includes("pods"))).toBe(false);
    expect(inKubeSystem.some((r) => r.resources?.includes("selfsubjectaccessreviews"))).toBe(true);
    expect(inKubeSystem.some((r) => r.nonResourceURLs?.includes("/apis/*"))).toBe(true);
    expect(authorizer.rulesFor(ann, "shop").errors).toEqual(['role.rbac.authorization.k8s.io "gone" not found']);
  });
});
