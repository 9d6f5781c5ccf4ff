import type { Person } from "@/server/auth/person";
import type { PersonConnection } from "@/server/kube/asPerson";
import { TtlCache } from "@/server/access/ttlCache";

/** The identity the apiserver sees on a connection's requests. */
export interface ClusterIdentity {
  user: string;
  groups: string[];
}

/**
 * Asks the apiserver who the connection's requests come from (a SelfSubjectReview, authentication.k8s.io/v1,
 * Kubernetes 1.28+): the kubeconfig's own user when login is off, the OIDC user with its prefix in token mode.
 * Undefined when the apiserver does not say (older clusters, or a refusal).
 */
export async function askClusterIdentity(connection: PersonConnection): Promise<ClusterIdentity | undefined> {
  const body = { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" };
  try {
    const response = await connection.request("/apis/authentication.k8s.io/v1/selfsubjectreviews", { method: "POST", body });
    const text = await response.text();
    if (response.status !== 201 && response.status !== 200) return undefined;
    const info = (JSON.parse(text) as { status?: { userInfo?: { username?: unknown; groups?: unknown } } }).status?.userInfo;
    if (typeof info?.username !== "string" || info.username === "") return undefined;
    const groups = Array.isArray(info.groups) ? info.groups.filter((group): group is string => typeof group === "string") : [];
    return { user: info.username, groups };
  } catch {
    return undefined;
  }
}

// The answer changes only with the person's login: a minute saves one apiserver round trip per page.
const identities = new TtlCache<Promise<ClusterIdentity | undefined>>(1_000);
const identityTtlMs = 60_000;

/** askClusterIdentity, remembered for a minute per login (session, or user and groups). */
export function clusterIdentityOf(person: Person, connect: () => PersonConnection): Promise<ClusterIdentity | undefined> {
  const key = `${person.via}\u0000${person.sessionId ?? ""}\u0000${person.name}\u0000${[...person.groups].sort().join("\u0001")}`;
  const known = identities.get(key);
  if (known) return known;
  const asked = askClusterIdentity(connect());
  identities.set(key, asked, identityTtlMs);
  return asked;
}
