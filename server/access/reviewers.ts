import type { Person } from "@/server/auth/person";
import { reviewSubject, type PersonConnection } from "@/server/kube/asPerson";
import type { ClusterConnection } from "@/server/kube/connect";
import type { AccessCheck } from "./types";

/** Asks the apiserver one access question. */
export type Reviewer = (check: AccessCheck) => Promise<boolean>;

/** The apiserver did not answer a review (or refused to); the caller treats the check as denied. */
export class AccessReviewError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "AccessReviewError";
  }
}

const reviewsPath = "/apis/authorization.k8s.io/v1";

function resourceAttributes(check: AccessCheck): Record<string, string> {
  const { resource } = check;
  const attrs: Record<string, string> = { verb: check.verb, group: resource.group, resource: resource.resource };
  if (resource.subresource) attrs.subresource = resource.subresource;
  if (resource.namespace) attrs.namespace = resource.namespace;
  if (resource.name) attrs.name = resource.name;
  return attrs;
}

async function allowedFrom(response: { status: number; text(): Promise<string> }, kind: string): Promise<boolean> {
  const text = await response.text();
  if (response.status !== 201 && response.status !== 200) {
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // Not a Status: keep the raw text.
    }
    throw new AccessReviewError(response.status, `${kind} answered ${response.status}: ${message}`);
  }
  return (JSON.parse(text) as { status?: { allowed?: boolean } }).status?.allowed === true;
}

/**
 * SelfSubjectAccessReview made as the person (impersonated, their token, or the kubeconfig for `via: "local"`):
 * the apiserver judges exactly the identity the person's own requests carry, whatever authenticator or authorizer it runs.
 */
export function selfReviewer(connection: PersonConnection): Reviewer {
  return async (check) => {
    const body = { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: resourceAttributes(check) } };
    return allowedFrom(await connection.request(`${reviewsPath}/selfsubjectaccessreviews`, { method: "POST", body }), "SelfSubjectAccessReview");
  };
}

/**
 * SubjectAccessReview made with Orrery's own identity about the person's user and groups. The groups are
 * those impersonation produces (the person's plus system:authenticated), so the answer is the same, and
 * the apiserver is spared one impersonation check per user and group on every review.
 */
export function subjectReviewer(connection: ClusterConnection, person: Person): Reviewer {
  const { user, groups } = reviewSubject(person);
  return async (check) => {
    const body = { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec: { user, groups, resourceAttributes: resourceAttributes(check) } };
    return allowedFrom(await connection.request(`${reviewsPath}/subjectaccessreviews`, { method: "POST", body }), "SubjectAccessReview");
  };
}
