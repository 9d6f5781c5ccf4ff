import type { Person } from "@/server/auth/person";
import type { ClusterIdentity } from "@/server/auth/whoAmI";
import type { Access, ListScope } from "@/server/access/types";
import { ApiError } from "@/server/http/errors";
import { mayManageEmbedTokens } from "@/server/embed/embedAdmin";
import type { MeAnswer, WireListScope } from "@/lib/wire/me";
import { isStreamResourceKind, streamResourceKinds, type StreamResourceKind } from "@/lib/wire/stream";

export interface MeDeps {
  access: Pick<Access, "listScope" | "visibleNamespaces">;
  /** The apiserver's own answer to "who am I" for this person, when it gives one. */
  identity(): Promise<ClusterIdentity | undefined>;
  embedAdminGroup: string | undefined;
}

/** The kinds named in ?kinds=pods,nodes; a 400 naming the first unknown one. */
export function parseKinds(value: string | null): StreamResourceKind[] {
  if (!value) return [];
  const kinds = value.split(",").map((kind) => kind.trim()).filter(Boolean);
  const unknown = kinds.find((kind) => !isStreamResourceKind(kind));
  if (unknown !== undefined) throw ApiError.badRequest(`unknown kind "${unknown}" in ?kinds=; expected some of ${streamResourceKinds.join(", ")}`);
  return [...new Set(kinds as StreamResourceKind[])];
}

const wireScope = (scope: ListScope): WireListScope => (scope.all ? "all" : [...scope.namespaces].sort());

/**
 * Who the person is to the cluster and what they may list. Without the apiserver's answer, the identity is the one
 * Orrery sends (impersonated user and groups, plus system:authenticated), or unknown for the kubeconfig's own.
 */
export async function answerMe(person: Person, deps: MeDeps, kinds: readonly StreamResourceKind[]): Promise<MeAnswer> {
  const [identity, namespaces, scopes] = await Promise.all([
    deps.identity(),
    deps.access.visibleNamespaces(),
    Promise.all(kinds.map(async (kind) => [kind, wireScope(await deps.access.listScope(kind))] as const)),
  ]);
  const local = person.via === "local" || (person.via === "embed" && person.madeByLocal === true);
  const fallback = local ? { user: null, groups: [] } : { user: person.name, groups: [...new Set([...person.groups, "system:authenticated"])] };
  return {
    ...(identity ?? fallback),
    login: person.via === "session" || person.via === "basic",
    mayManageEmbedTokens: mayManageEmbedTokens(person, deps.embedAdminGroup),
    namespaces: [...namespaces].sort(),
    lists: Object.fromEntries(scopes),
  };
}
