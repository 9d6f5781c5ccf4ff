import type { OriginVerdict } from "./originPolicy";
import { headerOf, type AnyRequest } from "./requestHeaders";
import { currentOriginPolicy } from "./securitySettings";

export type { OriginVerdict } from "./originPolicy";

/** Exact Origin check of one request against the running server's allowlist (public URL, --allowed-origins, its own host). */
export function checkOrigin(req: AnyRequest, policy = currentOriginPolicy()): OriginVerdict {
  return policy.check(headerOf(req, "origin"), headerOf(req, "host"));
}
