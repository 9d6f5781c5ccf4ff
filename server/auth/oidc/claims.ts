import type { OidcSettings } from "../settings";

/** The Kubernetes identity read from an ID token's (or userinfo's) claims. */
export interface OidcIdentity {
  name: string;
  groups: string[];
}

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
  const preferred = claimAt(claims, settings.usernameClaim);
  if (typeof preferred === "string" && preferred.trim() !== "") return preferred.trim();
  return typeof claims.sub === "string" && claims.sub !== "" ? claims.sub : undefined;
}

/** The person an ID token names, or undefined when it names nobody usable. */
export function identityFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, "usernameClaim" | "groupsClaim" | "groupPrefix">): OidcIdentity | undefined {
  const name = usernameFromClaims(claims, settings);
  if (!name || name.startsWith("system:")) return undefined;
  return { name, groups: groupsFromClaims(claims, settings) };
}
