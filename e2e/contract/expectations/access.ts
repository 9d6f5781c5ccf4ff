import { expect } from "vitest";
import { call, corePath, expectStatus, ok, resourcePath } from "../http";
import type { ContractTarget, Expectation } from "../target";

interface AccessReview {
  kind: string;
  apiVersion: string;
  spec: { resourceAttributes: Record<string, string> };
  status: { allowed: boolean; denied?: boolean; reason?: string };
}

const reviewsPath = resourcePath("authorization.k8s.io", "v1", undefined, "selfsubjectaccessreviews");

/** Impersonation goes through Orrery's own identity where the target has one, as Orrery does in production. */
const asOrrery = (target: ContractTarget): ContractTarget => {
  const impersonator = target.capabilities.impersonator;
  return impersonator ? { ...target, connection: impersonator } : target;
};

/** `kubectl auth can-i <verb> pods [-n namespace]`, as the connection's identity or an impersonated user. */
async function canI(target: ContractTarget, verb: string, namespace: string | undefined, asUser?: string): Promise<AccessReview> {
  const body = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource: "pods", ...(namespace ? { namespace } : {}) } } };
  const headers = asUser ? { "Impersonate-User": asUser } : undefined;
  const answer = await call<AccessReview>(asUser ? asOrrery(target) : target, reviewsPath, { method: "POST", body, headers });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect({ kind: answer.body.kind, apiVersion: answer.body.apiVersion }).toEqual({ kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1" });
  expect(answer.body.spec.resourceAttributes).toMatchObject({ verb, resource: "pods" });
  return answer.body;
}

const impersonating = (user: string) => ({ headers: { "Impersonate-User": user } });

export const accessExpectations: Expectation[] = [
  {
    id: "access.selfReviewAllowed",
    title: "a SelfSubjectAccessReview as the setup identity is allowed",
    async run(target) {
      expect((await canI(target, "list", undefined)).status.allowed).toBe(true);
      expect((await canI(target, "delete", target.namespace)).status.allowed).toBe(true);
    },
  },
  {
    id: "access.selfReviewDenied",
    title: "a SelfSubjectAccessReview for the limited user (impersonated) is denied cluster-wide and allowed in its namespace",
    async run(target) {
      const { name, namespace } = target.capabilities.limitedUser;
      expect((await canI(target, "list", undefined, name)).status.allowed).toBe(false);
      expect((await canI(target, "list", namespace, name)).status.allowed).toBe(true);
    },
  },
  {
    id: "access.impersonationForbidden",
    title: "impersonating the limited user, listing pods cluster-wide is 403 Forbidden with RBAC's message",
    async run(target) {
      const { name } = target.capabilities.limitedUser;
      const answer = await call(asOrrery(target), "/api/v1/pods", impersonating(name));
      const status = expectStatus(answer, 403, "Forbidden", `pods is forbidden: User "${name}" cannot list resource "pods" in API group "" at the cluster scope`);
      expect(status.details).toEqual({ kind: "pods" });
    },
  },
  {
    id: "access.impersonationAllowed",
    title: "impersonating the limited user, listing pods in its namespace is allowed",
    async run(target) {
      const { name, namespace } = target.capabilities.limitedUser;
      const list = await ok<{ kind: string; items: unknown[] }>(asOrrery(target), corePath(namespace, "pods"), impersonating(name));
      expect(list.kind).toBe("PodList");
      expect(Array.isArray(list.items)).toBe(true);
    },
  },
];
