import type { Person } from "@/server/auth/person";
import type { ResourceKind } from "@/server/kube/resources";

/** What an access check is about, as in a SubjectAccessReview's resourceAttributes. */
export interface ResourceRef {
  /** API group; "" for the core group. */
  group: string;
  /** Plural resource name, e.g. "pods". */
  resource: string;
  subresource?: string;
  /** Absent or "" means the cluster scope (all namespaces for a namespaced resource). */
  namespace?: string;
  name?: string;
}

export interface AccessCheck {
  verb: string;
  resource: ResourceRef;
}

/** Where a person may list one kind: everywhere, or in these namespaces only (possibly none). */
export type ListScope = { all: true } | { all: false; namespaces: ReadonlySet<string> };

/** What one person may see and do in the cluster, answered by the apiserver's own authorization and cached briefly. */
export interface Access {
  readonly person: Person;
  /** May the person list `kind` in `namespace` (or cluster-wide without one)? */
  canList(kind: ResourceKind, namespace?: string): Promise<boolean>;
  /** Where the person may list `kind`; for "namespaces", the Namespace objects they may get among those they can see into. */
  listScope(kind: ResourceKind): Promise<ListScope>;
  /** All namespaces with cluster-wide list on a namespaced kind; otherwise those where the person may list at least one watched kind. */
  visibleNamespaces(): Promise<string[]>;
  /** May the person do `verb` on `resource`? Always false for a changing verb when the person is read-only. */
  can(verb: string, resource: ResourceRef): Promise<boolean>;
  /** Many checks at once, answered in parallel (with the service's concurrency cap), in the order given. */
  canAll(checks: readonly AccessCheck[]): Promise<boolean[]>;
}

export const everywhere: ListScope = Object.freeze({ all: true });
export const nowhere: ListScope = Object.freeze({ all: false, namespaces: new Set<string>() });

/** Verbs that change nothing; every other verb is refused to read-only persons. */
export const readingVerbs: ReadonlySet<string> = new Set(["get", "list", "watch"]);

/** Why a check is made: listing picks SelfSubjectAccessReview or SubjectAccessReview by identity mode; actions too. */
export type CheckPurpose = "list" | "action";

/** What one person's access view asks of the shared access service. */
export interface AccessChecker {
  namespaces(): readonly string[];
  isReadOnly(person: Person): boolean;
  check(person: Person, purpose: CheckPurpose, check: AccessCheck): Promise<boolean>;
}
