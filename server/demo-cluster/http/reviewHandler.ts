import type { ServerResponse } from "node:http";
import { groupVersionOf } from "../resources";
import { ApiError } from "./apiError";
import type { Identity } from "./auth";
import { isJson } from "./objectAccess";
import type { ResourceTarget } from "./requestPath";
import { sendJson } from "./status";
import { checkTypeMeta } from "./validation";

// TODO: decide with real RBAC rules once authorization lands; until then every review allows.
const allowReason = "the demo cluster allows every request";

function statusFor(kind: string, identity: Identity): Record<string, unknown> {
  switch (kind) {
    case "SelfSubjectRulesReview":
      return { resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }], incomplete: false };
    case "SelfSubjectReview":
      return { userInfo: { username: identity.user, groups: identity.groups } };
    default:
      return { allowed: true, reason: allowReason };
  }
}

/** POST of an access or identity review: answered at once, nothing stored. */
export function serveReview(res: ServerResponse, target: ResourceTarget, body: Record<string, unknown>, identity: Identity): void {
  const { info } = target;
  checkTypeMeta(info, body);
  const needsSpec = info.kind !== "SelfSubjectReview";
  if (needsSpec && !isJson(body.spec)) throw ApiError.invalid(info.kind, "", "spec", "Required value");
  const metadata = { ...(isJson(body.metadata) ? body.metadata : {}), creationTimestamp: null };
  sendJson(res, 201, { kind: info.kind, apiVersion: groupVersionOf(info), metadata, ...(needsSpec ? { spec: body.spec } : {}), status: statusFor(info.kind, identity) });
}
