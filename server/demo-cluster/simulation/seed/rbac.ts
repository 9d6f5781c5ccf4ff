import type { KubeObject } from "@/server/kube/types";
import { rbacKeys, type PolicyRule, type Subject } from "../../http/authz/rbacTypes";
import type { ObjectStore } from "../../store";
import { toTimestamp } from "../clock";

// kube-apiserver's bootstrap roles (copied from a v1.33 cluster, `kubectl get clusterrole view -o yaml`…), the
// aggregated ones already flattened, plus the demo's own bindings for Orrery's demo logins.

/** The demo logins' bindings: members of this group are cluster admins. */
export const demoAdminGroup = "orrery:admins";
/** The demo login that may edit in `demoEditorNamespace` and nothing else. */
export const demoEditorUser = "dev";
export const demoEditorNamespace = "shop";

const readVerbs = ["get", "list", "watch"];
const writeVerbs = ["create", "delete", "deletecollection", "patch", "update"];
const rule = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({ apiGroups, resources, verbs });

const viewRules: PolicyRule[] = [
  rule([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], readVerbs),
  rule([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], readVerbs),
  rule([""], ["namespaces"], readVerbs),
  rule(["discovery.k8s.io"], ["endpointslices"], readVerbs),
  rule(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], readVerbs),
  rule(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], readVerbs),
  rule(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], readVerbs),
  rule(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], readVerbs),
  rule(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], readVerbs),
  rule(["metrics.k8s.io"], ["pods", "nodes"], readVerbs),
];

const editOnlyRules: PolicyRule[] = [
  rule([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], readVerbs),
  rule([""], ["serviceaccounts"], ["impersonate"]),
  rule([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], writeVerbs),
  rule([""], ["pods/eviction"], ["create"]),
  rule([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], writeVerbs),
  rule([""], ["serviceaccounts/token"], ["create"]),
  rule(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], writeVerbs),
  rule(["autoscaling"], ["horizontalpodautoscalers"], writeVerbs),
  rule(["batch"], ["cronjobs", "jobs"], writeVerbs),
  rule(["policy"], ["poddisruptionbudgets"], writeVerbs),
  rule(["networking.k8s.io"], ["ingresses", "networkpolicies"], writeVerbs),
  rule(["coordination.k8s.io"], ["leases"], ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
];

const adminOnlyRules: PolicyRule[] = [
  rule(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
  rule(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
];

const discoveryURLs = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"];
const publicInfoURLs = ["/healthz", "/livez", "/readyz", "/version", "/version/"];

const clusterRoles: Record<string, PolicyRule[]> = {
  "cluster-admin": [rule(["*"], ["*"], ["*"]), { nonResourceURLs: ["*"], verbs: ["*"] }],
  admin: [...editOnlyRules, ...viewRules, ...adminOnlyRules],
  edit: [...editOnlyRules, ...viewRules],
  view: viewRules,
  "system:discovery": [{ nonResourceURLs: discoveryURLs, verbs: ["get"] }],
  "system:public-info-viewer": [{ nonResourceURLs: publicInfoURLs, verbs: ["get"] }],
  "system:basic-user": [rule(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]), rule(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"])],
};

const group = (name: string): Subject => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name });
const user = (name: string): Subject => ({ apiGroup: "rbac.authorization.k8s.io", kind: "User", name });

const clusterRoleBindings: { name: string; role: string; subjects: Subject[]; bootstrap: boolean }[] = [
  { name: "cluster-admin", role: "cluster-admin", subjects: [group("system:masters")], bootstrap: true },
  { name: "system:discovery", role: "system:discovery", subjects: [group("system:authenticated")], bootstrap: true },
  { name: "system:basic-user", role: "system:basic-user", subjects: [group("system:authenticated")], bootstrap: true },
  { name: "system:public-info-viewer", role: "system:public-info-viewer", subjects: [group("system:authenticated"), group("system:unauthenticated")], bootstrap: true },
  { name: "orrery-admins", role: "cluster-admin", subjects: [group(demoAdminGroup)], bootstrap: false },
];

function metadata(name: string, createdMs: number, bootstrap: boolean, namespace?: string): KubeObject["metadata"] {
  const labels: Record<string, string> = bootstrap ? { "kubernetes.io/bootstrapping": "rbac-defaults" } : { "app.kubernetes.io/part-of": "orrery-demo" };
  const annotations = bootstrap ? { "rbac.authorization.kubernetes.io/autoupdate": "true" } : undefined;
  return { name, ...(namespace ? { namespace } : {}), creationTimestamp: toTimestamp(createdMs), labels, ...(annotations ? { annotations } : {}) };
}

function createMissing(store: ObjectStore, key: string, object: KubeObject): void {
  if (!store.get(key, object.metadata.namespace, object.metadata.name)) store.create(key, object);
}

/** Default ClusterRoles and bindings, `orrery:admins` → cluster-admin, and `dev` → edit in `shop`; existing objects are kept. */
export function seedRbac(store: ObjectStore, createdMs: number): void {
  const apiVersion = "rbac.authorization.k8s.io/v1";
  for (const [name, rules] of Object.entries(clusterRoles)) {
    createMissing(store, rbacKeys.clusterRoles, { apiVersion, kind: "ClusterRole", metadata: metadata(name, createdMs, true), rules });
  }
  for (const binding of clusterRoleBindings) {
    const roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: binding.role };
    createMissing(store, rbacKeys.clusterRoleBindings, { apiVersion, kind: "ClusterRoleBinding", metadata: metadata(binding.name, createdMs, binding.bootstrap), roleRef, subjects: binding.subjects });
  }
  createMissing(store, rbacKeys.roleBindings, {
    apiVersion,
    kind: "RoleBinding",
    metadata: metadata(`${demoEditorUser}-edit`, createdMs, false, demoEditorNamespace),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
    subjects: [user(demoEditorUser)],
  });
}
