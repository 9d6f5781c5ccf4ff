import { refusedIdentityReason } from "@/server/kube/asPerson";
import type { OidcSettings } from "../settings";

/** The Kubernetes identity read from an ID token's (or userinfo's) claims. */
export interface OidcIdentity {
  name: string;
  groups: string[];
}

/** Login-page codes for an ID token that logs nobody in (lib/auth/messages.ts words them). */
export const claimsRefusalCodes = { noUser: "AccessDenied", emailNotVerified: "EmailNotVerified", reserved: "ReservedIdentity" } as const;

/** Who the claims name, or why they name nobody Orrery will act as (`reason` is for the log). */
export type ClaimsVerdict =
  | { ok: true; identity: OidcIdentity }
  | { ok: false; code: (typeof claimsRefusalCodes)[keyof typeof claimsRefusalCodes]; reason: string };

type ClaimSettings = Pick<OidcSettings, "usernameClaim" | "groupsClaim" | "groupPrefix">;

function claimAt(claims: Record<string, unknown>, name: string): unknown {
  // A dotted name reaches into nested claims ("realm_access.roles"), as some providers nest groups.
  if (name in claims) return claims[name];
  return name.split(".").reduce<unknown>((value, part) => (value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined), claims);
}

/** Groups from the configured claim: a list of strings or one string; anything else gives none. */
export function groupsFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, "groupsClaim" | "groupPrefix">): string[] {
  const raw = claimAt(claims, settings.groupsClaim);
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  const groups = list.filter((group): group is string => typeof group === "string" && group.trim() !== "").map((group) => `${settings.groupPrefix}${group.trim()}`);
  return [...new Set(groups)];
}

/** The user name from the configured claim, falling back to `sub`; undefined when neither is a string. */
export function usernameFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, "usernameClaim">): string | undefined {
  return preferredName(claims, settings) ?? (typeof claims.sub === "string" && claims.sub !== "" ? claims.sub : undefined);
}

function preferredName(claims: Record<string, unknown>, settings: Pick<OidcSettings, "usernameClaim">): string | undefined {
  const preferred = claimAt(claims, settings.usernameClaim);
  return typeof preferred === "string" && preferred.trim() !== "" ? preferred.trim() : undefined;
}

/** Why claims that name a reserved Kubernetes user or group (after the group prefix) log nobody in; undefined if none. */
export function reservedClaimsReason(claims: Record<string, unknown>, settings: ClaimSettings): string | undefined {
  return refusedIdentityReason(usernameFromClaims(claims, settings) ?? "", groupsFromClaims(claims, settings));
}

/**
 * Judges an ID token's claims as kube-apiserver would before trusting them: an email used as the user name
 * must carry `email_verified: true`, and no user or group may be a reserved `system:` name. A token naming
 * such a group is refused rather than trimmed, because in token mode the apiserver reads the groups itself.
 */
export function judgeClaims(claims: Record<string, unknown>, settings: ClaimSettings): ClaimsVerdict {
  const name = usernameFromClaims(claims, settings);
  if (!name) return { ok: false, code: claimsRefusalCodes.noUser, reason: "the ID token names no user (no username claim, no sub)" };
  if (settings.usernameClaim === "email" && preferredName(claims, settings) === name && claims.email_verified !== true) {
    return { ok: false, code: claimsRefusalCodes.emailNotVerified, reason: `the ID token's email ${name} is not verified (email_verified is ${JSON.stringify(claims.email_verified ?? null)})` };
  }
  const reserved = reservedClaimsReason(claims, settings);
  if (reserved) return { ok: false, code: claimsRefusalCodes.reserved, reason: `the ID token of ${name}: ${reserved}` };
  return { ok: true, identity: { name, groups: groupsFromClaims(claims, settings) } };
}
