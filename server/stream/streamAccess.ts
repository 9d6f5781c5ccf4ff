import type { ListScope } from "../access/types";
import type { ResourceKind } from "../kube/resources";

export type { ListScope } from "../access/types";

/** What the stream asks about the person a connection serves; server/access's Access satisfies it. */
export interface StreamAccess {
  listScope(kind: ResourceKind): Promise<ListScope>;
}

function sameScope(a: ListScope, b: ListScope): boolean {
  if (a.all || b.all) return a.all === b.all;
  if (a.namespaces.size !== b.namespaces.size) return false;
  for (const ns of a.namespaces) if (!b.namespaces.has(ns)) return false;
  return true;
}

/** Why a subscription may not be served, worded for the person; undefined when it may. */
export function denialOf(kind: ResourceKind, namespace: string | undefined, namespaced: boolean, scope: ListScope): string | undefined {
  if (scope.all) return undefined;
  if (namespace !== undefined) return scope.namespaces.has(namespace) ? undefined : `you may not list ${kind} in namespace ${namespace}`;
  if (scope.namespaces.size > 0) return undefined;
  return namespaced ? `you may not list ${kind} in any namespace` : `you may not list ${kind}`;
}

/** The list scopes of one connection's person, per kind, from Access; asked again on refresh. */
export class ConnectionScopes {
  private readonly scopes = new Map<ResourceKind, ListScope>();

  constructor(private readonly access: StreamAccess) {}

  /** The scope already known for `kind`, without waiting. */
  peek(kind: ResourceKind): ListScope | undefined {
    return this.scopes.get(kind);
  }

  async resolve(kind: ResourceKind): Promise<ListScope> {
    const known = this.scopes.get(kind);
    if (known) return known;
    const scope = await this.access.listScope(kind);
    this.scopes.set(kind, scope);
    return scope;
  }

  /** Asks again for `kinds` (Access answers from its cache until entries expire); returns the kinds whose scope changed. */
  async refresh(kinds: Iterable<ResourceKind>): Promise<ResourceKind[]> {
    const changed: ResourceKind[] = [];
    for (const kind of new Set(kinds)) {
      const scope = await this.access.listScope(kind);
      const before = this.scopes.get(kind);
      this.scopes.set(kind, scope);
      if (before && !sameScope(before, scope)) changed.push(kind);
    }
    return changed;
  }
}
