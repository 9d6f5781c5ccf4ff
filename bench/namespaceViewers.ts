import { rbacKeys } from "@/server/demo-cluster/http/authz/rbacTypes";
import type { ObjectStore } from "@/server/demo-cluster/store";

/** A benchmark person who may read one namespace and nothing else. */
export interface NamespaceViewer {
  name: string;
  namespace: string;
}

/** Binds each viewer to the `view` ClusterRole in their namespace only, in the demo cluster's RBAC. */
export function grantNamespaceViewers(store: ObjectStore, viewers: readonly NamespaceViewer[]): void {
  for (const viewer of viewers) {
    const name = `${viewer.name}-view`;
    if (store.get(rbacKeys.roleBindings, viewer.namespace, name)) continue;
    store.create(rbacKeys.roleBindings, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name, namespace: viewer.namespace },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: viewer.name }],
    });
  }
}
