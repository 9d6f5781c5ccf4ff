import type { IncomingMessage } from "node:http";
import { forbiddenError } from "./forbidden";
import type { RbacAuthorizer } from "./rbacAuthorizer";
import type { RequestAttributes, UserInfo } from "./rbacTypes";

const serviceAccountUser = /^system:serviceaccount:([^:]+):([^:]+)$/;

function impersonateAttrs(resource: string, name: string, apiGroup = "", namespace = "", subresource = ""): RequestAttributes {
  return { verb: "impersonate", resourceRequest: true, path: "", apiGroup, apiVersion: "", resource, subresource, namespace, name };
}

/** What impersonating a user name is checked as: users, or serviceaccounts in their namespace. */
function userAttrs(user: string): RequestAttributes {
  const account = serviceAccountUser.exec(user);
  return account ? impersonateAttrs("serviceaccounts", account[2]!, "", account[1]!) : impersonateAttrs("users", user);
}

/** Every impersonation a request asks for, in the order kube-apiserver checks them. */
function requestedImpersonations(req: IncomingMessage): RequestAttributes[] {
  const headers = req.headersDistinct;
  const checks: RequestAttributes[] = [];
  for (const user of headers["impersonate-user"] ?? []) checks.push(userAttrs(user));
  for (const group of headers["impersonate-group"] ?? []) if (group !== "") checks.push(impersonateAttrs("groups", group));
  for (const [header, values] of Object.entries(headers)) {
    if (!header.startsWith("impersonate-extra-")) continue;
    const key = decodeURIComponent(header.slice("impersonate-extra-".length));
    for (const value of values ?? []) checks.push(impersonateAttrs("userextras", value, "authentication.k8s.io", "", key));
  }
  for (const uid of headers["impersonate-uid"] ?? []) checks.push(impersonateAttrs("uids", uid, "authentication.k8s.io"));
  return checks;
}

/**
 * Refuses with kube's 403 unless `requester` may impersonate every user, group, extra and uid the
 * request names, e.g. `users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope`.
 */
export function checkImpersonation(authorizer: RbacAuthorizer, requester: UserInfo, req: IncomingMessage): void {
  for (const attrs of requestedImpersonations(req)) {
    const decision = authorizer.authorize(requester, attrs);
    if (!decision.allowed) throw forbiddenError(requester.user, attrs, decision.reason);
  }
}
