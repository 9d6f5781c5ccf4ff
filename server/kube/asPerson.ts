import type { Person } from "@/server/auth/person";
import { ApiError } from "@/server/http/errors";
import { getRuntime } from "@/server/runtime";
import type { ClusterConnection, KubeRequestInit, KubeResponse, KubeWebSocketInit } from "./connect";

/**
 * How a person's requests reach the apiserver: Orrery's credentials plus Impersonate-User/Group
 * (the default), or the person's own OIDC token passed through (`--identity token`).
 */
export type IdentityMode = "impersonate" | "token";

/** The cluster as one person sees it: every request is made as that person, never as Orrery. */
export interface PersonConnection {
  person: Person;
  /** The apiserver URL, as on the base connection. */
  server: string;
  /** How this connection identifies the person; "kubeconfig" for `via: "local"`. */
  identity: IdentityMode | "kubeconfig";
  request(path: string, init?: KubeRequestInit): Promise<KubeResponse>;
}

/** No person, or a person who cannot be identified to the cluster: answered 401 by the route wrapper. */
export class PersonRequiredError extends ApiError {
  constructor(message: string) {
    super(401, "unauthenticated", message);
    this.name = "PersonRequiredError";
  }
}

/** A person Orrery will not act as (a reserved Kubernetes name): answered 403 by the route wrapper. */
export class IdentityRefusedError extends ApiError {
  constructor(message: string) {
    super(403, "forbidden", message);
    this.name = "IdentityRefusedError";
  }
}

/** The one `system:` group a person may carry: the apiserver puts every authenticated request in it anyway. */
export const everyoneGroup = "system:authenticated";

// Kubernetes reserves "system:" for its own components, nodes, service accounts and system:masters (which
// bypasses RBAC). Case and surrounding blanks are ignored: the apiserver trims header values, and refusing
// "SYSTEM:x" costs nobody anything.
const reservedPrefix = /^\s*system:/i;

/**
 * Why Orrery refuses to act as this user or group, as one line; undefined when it may. The only rule for
 * names Orrery impersonates: logins, the users file, Scope's variables and OIDC claims are all judged by it.
 */
export function reservedNameReason(kind: "user" | "group", value: string): string | undefined {
  if (!reservedPrefix.test(value)) return undefined;
  if (kind === "group" && value.trim() === everyoneGroup) return undefined;
  const allowed = kind === "group" ? ` (of those only ${everyoneGroup} may be named)` : "";
  return `Orrery does not act as the Kubernetes ${kind} "${value.trim()}": names starting with "system:" are reserved by Kubernetes for the cluster itself${allowed}`;
}

/** The first reason Orrery refuses to act as this user with these groups, or undefined. */
export function refusedIdentityReason(name: string, groups: readonly string[]): string | undefined {
  return reservedNameReason("user", name) ?? groups.map((group) => reservedNameReason("group", group)).find((reason) => reason !== undefined);
}

// A caller must not be able to pick another identity through its own headers.
const identityHeaderPattern = /^(authorization|impersonate-.*)$/i;

/** Whether requests for this person go out with the kubeconfig's own identity rather than as a named person. */
export function actsWithKubeconfigIdentity(person: Person): boolean {
  return person.via === "local" || (person.via === "embed" && person.madeByLocal === true);
}

/** `--identity` from the running configuration when it has one; impersonation otherwise. */
export function configuredIdentityMode(): IdentityMode {
  try {
    const value = (getRuntime().config as { identity?: unknown }).identity;
    return value === "token" ? "token" : "impersonate";
  } catch {
    return "impersonate";
  }
}

const groupsOf = (person: Person) => person.groups.filter((group) => group !== "");

// Every way of acting as a person passes here, whatever the login said: no reserved name reaches the cluster.
function checkNamedPerson(person: Person | null | undefined): asserts person is Person {
  if (!person) throw new PersonRequiredError("no logged-in person: log in first");
  // An empty Impersonate-User means no impersonation at all, i.e. Orrery's own rights.
  if (person.name.trim() === "") throw new PersonRequiredError("the logged-in person has no user name to impersonate");
  const refused = refusedIdentityReason(person.name, groupsOf(person));
  if (refused) throw new IdentityRefusedError(`${refused}; ask your administrator for a login with an ordinary user name and groups`);
}

/** The headers that make a request the person's; throws when the person cannot be named to the cluster. */
export function identityHeaders(person: Person | null | undefined, mode: IdentityMode): Record<string, string | string[]> {
  checkNamedPerson(person);
  if (mode === "token") {
    if (!person.bearerToken) throw new PersonRequiredError(`no token for ${person.name}: token pass-through needs an OIDC login; log in again`);
    return { Authorization: `Bearer ${person.bearerToken}` };
  }
  const groups = groupsOf(person);
  return groups.length > 0 ? { "Impersonate-User": person.name, "Impersonate-Group": groups } : { "Impersonate-User": person.name };
}

/**
 * The user and groups a SubjectAccessReview made with Orrery's identity names for `person`: those impersonation
 * produces (the person's plus system:authenticated), refused like impersonation itself.
 */
export function reviewSubject(person: Person): { user: string; groups: string[] } {
  checkNamedPerson(person);
  return { user: person.name, groups: [...new Set([...groupsOf(person), everyoneGroup])] };
}

function withoutIdentityHeaders(headers: KubeRequestInit["headers"]): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (!identityHeaderPattern.test(name)) kept[name] = value;
  return kept;
}

function checkNotExpired(person: Person): void {
  // A connection kept past the end of its login must not go on acting for the person.
  if (person.expiresAt !== undefined && Date.now() >= person.expiresAt) throw new PersonRequiredError(`the login of ${person.name} has expired; log in again`);
}

/** How a websocket upgrade (pods/exec) is made as `person`: the same rules as `connectionFor`, checked now. */
export function upgradeIdentity(person: Person, mode: IdentityMode = configuredIdentityMode()): Pick<KubeWebSocketInit, "headers" | "credentials"> {
  if (actsWithKubeconfigIdentity(person)) return { credentials: "kubeconfig" };
  checkNotExpired(person);
  return { headers: identityHeaders(person, mode), credentials: mode === "token" ? "none" : "kubeconfig" };
}

/**
 * A per-person view of `base`. `via: "local"` (login mode none on loopback) keeps the kubeconfig's
 * identity; everyone else is impersonated, or sends their own token in token mode.
 */
export function connectionFor(base: ClusterConnection, person: Person | null | undefined, mode: IdentityMode = configuredIdentityMode()): PersonConnection {
  if (!person) throw new PersonRequiredError("no logged-in person: log in first");
  if (actsWithKubeconfigIdentity(person)) {
    return { person, server: base.server, identity: "kubeconfig", request: (path, init = {}) => base.request(path, { ...init, headers: withoutIdentityHeaders(init.headers), credentials: "kubeconfig" }) };
  }
  const headers = identityHeaders(person, mode);
  const credentials = mode === "token" ? "none" : "kubeconfig";
  return {
    person,
    server: base.server,
    identity: mode,
    request: async (path, init = {}) => {
      checkNotExpired(person);
      return base.request(path, { ...init, headers: { ...withoutIdentityHeaders(init.headers), ...headers }, credentials });
    },
  };
}
