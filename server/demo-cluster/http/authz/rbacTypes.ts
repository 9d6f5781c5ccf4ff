import type { KubeObject } from "@/server/kube/types";

// The rbac.authorization.k8s.io/v1 shapes the demo apiserver evaluates; fields are optional because stored objects are not validated.

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

export interface RoleObject extends KubeObject {
  rules?: PolicyRule[];
}

export interface BindingObject extends KubeObject {
  roleRef?: RoleRef;
  subjects?: Subject[];
}

/** Who is asking, after authentication and impersonation. */
export interface UserInfo {
  user: string;
  groups: string[];
}

/** What a request asks to do, as kube-apiserver's RequestInfo and authorizer.Attributes describe it. */
export interface RequestAttributes {
  verb: string;
  /** False for paths outside /api and /apis resources (discovery, /healthz, /version…). */
  resourceRequest: boolean;
  path: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  /** "" at the cluster scope. */
  namespace: string;
  name: string;
}

/** The ObjectStore keys of the four RBAC resources. */
export const rbacKeys = {
  roles: "rbac.authorization.k8s.io/roles",
  clusterRoles: "rbac.authorization.k8s.io/clusterroles",
  roleBindings: "rbac.authorization.k8s.io/rolebindings",
  clusterRoleBindings: "rbac.authorization.k8s.io/clusterrolebindings",
} as const;

/** The group whose members pass every authorization check, as in kube-apiserver. */
export const mastersGroup = "system:masters";
