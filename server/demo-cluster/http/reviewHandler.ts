import type { ServerResponse } from "node:http";
import { groupVersionOf } from "../resources";
import type { ObjectStore } from "../store";
import { ApiError } from "./apiError";
import type { Identity } from "./auth";
import { RbacAuthorizer } from "./authz/rbacAuthorizer";
import { accessReviewStatus, checkLocalNamespace, reviewAttributes, reviewedUser, rulesReviewStatus } from "./authz/reviews";
import { isJson, str } from "./objectAccess";
import type { ResourceTarget } from "./requestPath";
import { sendJson } from "./status";
import { checkTypeMeta } from "./validation";

type Json = Record<string, unknown>;

/** The answer's status and the spec echoed back (SelfSubjectRulesReview echoes none, as kube-apiserver). */
function answer(kind: string, spec: Json, identity: Identity, authorizer: RbacAuthorizer, namespace: string | undefined): { spec?: Json; status: Json } {
  switch (kind) {
    case "SelfSubjectReview":
      return { status: { userInfo: { username: identity.user, groups: identity.groups } } };
    case "SelfSubjectRulesReview": {
      const reviewNamespace = str(spec.namespace);
      if (reviewNamespace === "") throw ApiError.badRequest("no namespace on request");
      return { spec: {}, status: rulesReviewStatus(authorizer, identity, reviewNamespace) };
    }
    case "SelfSubjectAccessReview":
      return { spec, status: accessReviewStatus(authorizer, identity, reviewAttributes(spec)) };
    case "LocalSubjectAccessReview": {
      const attrs = reviewAttributes(spec);
      checkLocalNamespace(attrs, namespace ?? "");
      return { spec, status: accessReviewStatus(authorizer, reviewedUser(spec), attrs) };
    }
    default:
      return { spec, status: accessReviewStatus(authorizer, reviewedUser(spec), reviewAttributes(spec)) };
  }
}

/** POST of an access or identity review: answered at once from the cluster's RBAC, nothing stored. */
export function serveReview(res: ServerResponse, store: ObjectStore, target: ResourceTarget, body: Json, identity: Identity): void {
  const { info } = target;
  checkTypeMeta(info, body);
  const needsSpec = info.kind !== "SelfSubjectReview";
  if (needsSpec && !isJson(body.spec)) throw ApiError.invalid(info.kind, "", "spec", "Required value");
  const given = isJson(body.metadata) ? body.metadata : {};
  const metadata = { ...given, ...(target.namespace !== undefined ? { namespace: target.namespace } : {}), creationTimestamp: null };
  const { spec, status } = answer(info.kind, (body.spec ?? {}) as Json, identity, new RbacAuthorizer(store), target.namespace);
  sendJson(res, 201, { kind: info.kind, apiVersion: groupVersionOf(info), metadata, ...(spec ? { spec } : {}), status });
}
