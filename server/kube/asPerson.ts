import { actsWithKubeconfigIdentity, type Person } from "@/server/auth/person";
import { ApiError } from "@/server/http/errors";
import { getRuntime } from "@/server/runtime";
import type { ClusterConnection, KubeRequestInit, KubeResponse } from "./connect";

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

// A caller must not be able to pick another identity through its own headers.
const identityHeaderPattern = /^(authorization|impersonate-.*)$/i;

/** `--identity` from the running configuration when it has one; impersonation otherwise. */
export function configuredIdentityMode(): IdentityMode {
  try {
    const value = (getRuntime().config as { identity?: unknown }).identity;
    return value === "token" ? "token" : "impersonate";
  } catch {
    return "impersonate";
  }
}

/** The headers that make a request the person's; throws when the person cannot be named to the cluster. */
export function identityHeaders(person: Person | null | undefined, mode: IdentityMode): Record<string, string | string[]> {
  if (!person) throw new PersonRequiredError("no logged-in person: log in first");
  if (mode === "token") {
    if (!person.bearerToken) throw new PersonRequiredError(`no token for ${person.name}: token pass-through needs an OIDC login; log in again`);
    return { Authorization: `Bearer ${person.bearerToken}` };
  }
  // An empty Impersonate-User means no impersonation at all, i.e. Orrery's own rights.
  if (person.name.trim() === "") throw new PersonRequiredError("the logged-in person has no user name to impersonate");
  const groups = person.groups.filter((group) => group !== "");
  return groups.length > 0 ? { "Impersonate-User": person.name, "Impersonate-Group": groups } : { "Impersonate-User": person.name };
}

function withoutIdentityHeaders(headers: KubeRequestInit["headers"]): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (!identityHeaderPattern.test(name)) kept[name] = value;
  return kept;
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
      // A connection kept past the end of its login must not go on acting for the person.
      if (person.expiresAt !== undefined && Date.now() >= person.expiresAt) throw new PersonRequiredError(`the login of ${person.name} has expired; log in again`);
      return base.request(path, { ...init, headers: { ...withoutIdentityHeaders(init.headers), ...headers }, credentials });
    },
  };
}
