import { ApiError } from "../apiError";
import { isJson, str } from "../objectAccess";
import type { RbacAuthorizer } from "./rbacAuthorizer";
import type { PolicyRule, RequestAttributes, UserInfo } from "./rbacTypes";

type Json = Record<string, unknown>;

// kube's validation of reviews reports an empty kind and name: `.authorization.k8s.io "" is invalid: …`.
function invalid(field: string, message: string): ApiError {
  return new ApiError(422, "Invalid", `.authorization.k8s.io "" is invalid: ${field}: ${message}`, { group: "authorization.k8s.io", causes: [{ reason: "FieldValueInvalid", message, field }] });
}

/** spec.resourceAttributes or spec.nonResourceAttributes as authorizer attributes; exactly one must be given. */
export function reviewAttributes(spec: Json): RequestAttributes {
  const resource = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
  if (!isJson(resource) && !isJson(nonResource)) throw invalid("spec.resourceAttributes", "Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified");
  if (isJson(resource) && isJson(nonResource)) throw invalid("spec.nonResourceAttributes", "Invalid value: cannot be specified in combination with resourceAttributes");
  if (isJson(nonResource)) {
    return { verb: str(nonResource.verb), resourceRequest: false, path: str(nonResource.path), apiGroup: "", apiVersion: "", resource: "", subresource: "", namespace: "", name: "" };
  }
  const r = resource as Json;
  return {
    verb: str(r.verb),
    resourceRequest: true,
    path: "",
    apiGroup: str(r.group),
    apiVersion: str(r.version),
    resource: str(r.resource),
    subresource: str(r.subresource),
    namespace: str(r.namespace),
    name: str(r.name),
  };
}

/** The user a SubjectAccessReview asks about; kube adds no groups of its own here (not even system:authenticated). */
export function reviewedUser(spec: Json): UserInfo {
  const user = str(spec.user);
  const groups = Array.isArray(spec.groups) ? spec.groups.filter((g): g is string => typeof g === "string") : [];
  if (user === "" && groups.length === 0) throw invalid("spec.user", "Invalid value: \"\": at least one of user or group must be specified");
  return { user, groups };
}

/** status of an access review: `{allowed, reason?}` as kube answers it. */
export function accessReviewStatus(authorizer: RbacAuthorizer, user: UserInfo, attrs: RequestAttributes): Json {
  const decision = authorizer.authorize(user, attrs);
  return decision.reason === "" ? { allowed: decision.allowed } : { allowed: decision.allowed, reason: decision.reason };
}

function resourceRule(rule: PolicyRule): Json {
  const out: Json = { verbs: rule.verbs ?? [] };
  if (rule.apiGroups?.length) out.apiGroups = rule.apiGroups;
  if (rule.resources?.length) out.resources = rule.resources;
  if (rule.resourceNames?.length) out.resourceNames = rule.resourceNames;
  return out;
}

/** A LocalSubjectAccessReview may only ask about its own namespace. */
export function checkLocalNamespace(attrs: RequestAttributes, namespace: string): void {
  if (attrs.resourceRequest && attrs.namespace !== namespace) throw invalid("spec.resourceAttributes.namespace", `Invalid value: ${JSON.stringify(attrs.namespace)}: must match metadata.namespace`);
}

/** status of a SelfSubjectRulesReview: the rules that apply in `namespace`, split as kube splits them. */
export function rulesReviewStatus(authorizer: RbacAuthorizer, user: UserInfo, namespace: string): Json {
  const { rules, errors } = authorizer.rulesFor(user, namespace);
  const resourceRules = rules.filter((r) => !r.nonResourceURLs?.length).map(resourceRule);
  const nonResourceRules = rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs }));
  const status: Json = { resourceRules, nonResourceRules, incomplete: errors.length > 0 };
  if (errors.length > 0) status.evaluationError = errors.join(", ");
  return status;
}
