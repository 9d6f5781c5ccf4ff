import { ApiError } from "../apiError";
import type { RequestAttributes } from "./rbacTypes";

/** kube-apiserver's forbiddenMessage (endpoints/handlers/responsewriters/errors.go), word for word. */
export function forbiddenMessage(user: string, attrs: RequestAttributes): string {
  if (!attrs.resourceRequest) return `User ${JSON.stringify(user)} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`;
  const resource = attrs.subresource === "" ? attrs.resource : `${attrs.resource}/${attrs.subresource}`;
  const where = attrs.namespace === "" ? "at the cluster scope" : `in the namespace ${JSON.stringify(attrs.namespace)}`;
  return `User ${JSON.stringify(user)} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)} ${where}`;
}

/** The 403 Status kube-apiserver answers (apierrors.NewForbidden): `pods "x" is forbidden: User "bob" cannot …`. */
export function forbiddenError(user: string, attrs: RequestAttributes, reason: string): ApiError {
  const message = reason === "" ? forbiddenMessage(user, attrs) : `${forbiddenMessage(user, attrs)}: ${reason}`;
  const qualified = attrs.apiGroup === "" ? attrs.resource : `${attrs.resource}.${attrs.apiGroup}`;
  const prefix = qualified === "" ? "forbidden" : attrs.name === "" ? `${qualified} is forbidden` : `${qualified} ${JSON.stringify(attrs.name)} is forbidden`;
  const details: Record<string, unknown> = {};
  if (attrs.name !== "") details.name = attrs.name;
  if (attrs.apiGroup !== "") details.group = attrs.apiGroup;
  if (attrs.resource !== "") details.kind = attrs.resource;
  return new ApiError(403, "Forbidden", `${prefix}: ${message}`, details);
}
