import type { IncomingMessage } from "node:http";
import type { ObjectStore } from "../../store";
import { authenticate, tokenIdentity, type Identity } from "../auth";
import { forbiddenError } from "./forbidden";
import { checkImpersonation } from "./impersonation";
import { RbacAuthorizer } from "./rbacAuthorizer";
import { mastersGroup, type RequestAttributes } from "./rbacTypes";
import { requestAttributes } from "./requestAttributes";

// Upgrades to these are authorized as "get" and then also as "create", like kube-apiserver 1.31+ does for websockets.
const streamingSubresources = new Set(["exec", "attach", "portforward"]);

function authorizeOrThrow(authorizer: RbacAuthorizer, identity: Identity, attrs: RequestAttributes): void {
  const decision = authorizer.authorize(identity, attrs);
  if (!decision.allowed) throw forbiddenError(identity.user, attrs, decision.reason);
}

/** Authenticates the token, checks impersonation, then authorizes what the request asks; throws 401/403 ApiErrors. */
function admit(req: IncomingMessage, url: URL, store: ObjectStore, token: string, upgrade: boolean): Identity {
  const identity = authenticate(req, token);
  // The one token is the demo admin: without impersonation there is nothing left to check.
  if (identity === tokenIdentity && tokenIdentity.groups.includes(mastersGroup)) return identity;
  const authorizer = new RbacAuthorizer(store);
  checkImpersonation(authorizer, tokenIdentity, req);
  const attrs = requestAttributes(req.method ?? "GET", url);
  authorizeOrThrow(authorizer, identity, attrs);
  if (upgrade && attrs.resourceRequest && attrs.resource === "pods" && streamingSubresources.has(attrs.subresource) && attrs.verb === "get") {
    authorizeOrThrow(authorizer, identity, { ...attrs, verb: "create" });
  }
  return identity;
}

/** For every HTTP request of the demo apiserver. */
export function admitRequest(req: IncomingMessage, url: URL, store: ObjectStore, token: string): Identity {
  return admit(req, url, store, token, false);
}

/** For upgrade requests (exec, attach, port-forward). */
export function admitUpgrade(req: IncomingMessage, url: URL, store: ObjectStore, token: string): Identity {
  return admit(req, url, store, token, true);
}
