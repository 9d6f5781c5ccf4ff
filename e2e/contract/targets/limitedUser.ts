import type { ClusterConnection } from "@/server/kube/connect";

/**
 * Binds `user` to a Role that reads and manages pods in `namespace` only, through the RBAC API.
 * Returns false when the server does not serve rbac.authorization.k8s.io (nothing to bind then).
 */
export async function grantNamespaceReader(connection: ClusterConnection, namespace: string, user: string): Promise<boolean> {
  const base = `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}`;
  const role = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: { name: "contract-limited-user" },
    rules: [{ apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list", "watch", "create", "delete"] }],
  };
  const binding = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: "contract-limited-user" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user }],
  };
  for (const [plural, body] of [["roles", role], ["rolebindings", binding]] as const) {
    const res = await connection.request(`${base}/${plural}`, { method: "POST", body });
    const text = await res.text();
    if (res.status === 404) return false;
    if (res.status !== 201) throw new Error(`creating ${plural} for ${user} in ${namespace} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return true;
}
