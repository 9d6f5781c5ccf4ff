import type { IncomingMessage } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "./apiError";

/** Who the demo cluster acts for after authentication and impersonation. */
export interface Identity {
  user: string;
  groups: string[];
}

/** The one identity the generated kubeconfig's token stands for. */
export const tokenIdentity: Identity = { user: "orrery-demo-admin", groups: ["system:masters", "system:authenticated"] };

/**
 * Checks `Authorization: Bearer <token>` and applies Impersonate-User / Impersonate-Group.
 * Throws 401 without a valid token; impersonation is accepted as is (authorization comes later).
 */
export function authenticate(req: IncomingMessage, token: string): Identity {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !sameSecret(match[1]!, token)) throw new ApiError(401, "Unauthorized", "Unauthorized");
  return impersonated(req) ?? tokenIdentity;
}

function impersonated(req: IncomingMessage): Identity | undefined {
  const users = req.headersDistinct["impersonate-user"] ?? [];
  const groups = (req.headersDistinct["impersonate-group"] ?? []).filter((g) => g !== "");
  if (users.length === 0) {
    if (groups.length > 0) throw ApiError.badRequest(`requested [${groups.map((g) => `{Group ${g}}`).join(" ")}] without impersonating a user`);
    return undefined;
  }
  const user = users[0]!;
  const withAuthenticated = groups.includes("system:authenticated") ? groups : [...groups, "system:authenticated"];
  return { user, groups: withAuthenticated };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
