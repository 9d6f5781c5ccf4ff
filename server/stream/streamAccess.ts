import { noUsage, sameListScope, sameUsageScope, type ListScope, type UsageScope } from "../access/types";
import type { ResourceKind } from "../kube/resources";

export type { ListScope } from "../access/types";

/** What the stream asks about the person a connection serves; server/access's Access satisfies it. */
export interface StreamAccess {
  listScope(kind: ResourceKind): Promise<ListScope>;
  /** Where the person may see CPU and memory on the map; without it they see none. */
  usageScope?(): Promise<UsageScope>;
}

/** What refresh() reports when the person's usage rights changed (beside the kinds whose list scope did). */
export const usageRightsChanged = "usage";

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
  private usage: UsageScope | undefined;

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

  /** The usage rights already known, without waiting. */
  peekUsage(): UsageScope | undefined {
    return this.usage;
  }

  async resolveUsage(): Promise<UsageScope> {
    this.usage ??= await this.askUsage();
    return this.usage;
  }

  /**
   * Asks again for `kinds` and, once asked for, the usage rights (Access answers from its cache until entries expire);
   * returns the kinds whose scope changed, and `usageRightsChanged` when those did.
   */
  async refresh(kinds: Iterable<ResourceKind>): Promise<(ResourceKind | typeof usageRightsChanged)[]> {
    const changed: (ResourceKind | typeof usageRightsChanged)[] = [];
    for (const kind of new Set(kinds)) {
      const scope = await this.access.listScope(kind);
      const before = this.scopes.get(kind);
      this.scopes.set(kind, scope);
      if (before && !sameListScope(before, scope)) changed.push(kind);
    }
    if (this.usage) {
      const usage = await this.askUsage();
      if (!sameUsageScope(this.usage, usage)) changed.push(usageRightsChanged);
      this.usage = usage;
    }
    return changed;
  }

  private askUsage(): Promise<UsageScope> {
    return this.access.usageScope?.() ?? Promise.resolve(noUsage);
  }
}
