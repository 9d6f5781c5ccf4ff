import type { Person } from "../auth/person";

/**
 * Who may create, list and revoke embed tokens: members of --embed-admin-group when login is on (nobody
 * when it is unset), and the local person in login mode `none`. Read-only and embedded persons never may.
 */
export function mayManageEmbedTokens(person: Person, adminGroup: string | undefined): boolean {
  if (person.readOnly || person.via === "embed") return false;
  if (person.via === "local") return true;
  return adminGroup !== undefined && person.groups.includes(adminGroup);
}
