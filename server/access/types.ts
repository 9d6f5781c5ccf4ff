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

/**
 * Where a person may see CPU and memory from metrics.k8s.io: a pod's where they may `list pods.metrics.k8s.io`
 * in its namespace, a node's when they may `list nodes.metrics.k8s.io` (cluster-scoped).
 */
export interface UsageScope {
  pods: ListScope;
  nodes: boolean;
}

/** What one person may see and do in the cluster, answered by the apiserver's own authorization and cached briefly. */
export interface Access {
  readonly person: Person;
  /** May the person list `kind` in `namespace` (or cluster-wide without one)? */
  canList(kind: ResourceKind, namespace?: string): Promise<boolean>;
  /** Where the person may list `kind`; for "namespaces", the Namespace objects they may get among those they can see into. */
  listScope(kind: ResourceKind): Promise<ListScope>;
  /** All namespaces with cluster-wide list on a namespaced kind; otherwise those where the person may list at least one watched kind. */
  visibleNamespaces(): Promise<string[]>;
  /** Where the person may see pods' and nodes' usage (metrics.k8s.io), asked only for namespaces whose pods they may list. */
  usageScope(): Promise<UsageScope>;
  /** May the person do `verb` on `resource`? Always false for a changing verb when the person is read-only. */
  can(verb: string, resource: ResourceRef): Promise<boolean>;
  /** Many checks at once, answered in parallel (with the service's concurrency cap), in the order given. */
  canAll(checks: readonly AccessCheck[]): Promise<boolean[]>;
}

export const everywhere: ListScope = Object.freeze({ all: true });
export const nowhere: ListScope = Object.freeze({ all: false, namespaces: new Set<string>() });

/** Verbs that change nothing; every other verb is refused to read-only persons. */
export const readingVerbs: ReadonlySet<string> = new Set(["get", "list", "watch"]);

/** Usage for everything: a person who may list pods and nodes in metrics.k8s.io cluster-wide. */
export const allUsage: UsageScope = Object.freeze({ pods: everywhere, nodes: true });
/** No usage at all: while the person's rights are unknown, and for accesses that cannot say. */
export const noUsage: UsageScope = Object.freeze({ pods: nowhere, nodes: false });

export function sameListScope(a: ListScope, b: ListScope): boolean {
  if (a.all || b.all) return a.all === b.all;
  if (a.namespaces.size !== b.namespaces.size) return false;
  for (const ns of a.namespaces) if (!b.namespaces.has(ns)) return false;
  return true;
}

export const sameUsageScope = (a: UsageScope, b: UsageScope): boolean => a.nodes === b.nodes && sameListScope(a.pods, b.pods);

/** Why a check is made: listing picks SelfSubjectAccessReview or SubjectAccessReview by identity mode; actions too. */
export type CheckPurpose = "list" | "action";

/** What one person's access view asks of the shared access service. */
export interface AccessChecker {
  namespaces(): readonly string[];
  isReadOnly(person: Person): boolean;
  check(person: Person, purpose: CheckPurpose, check: AccessCheck): Promise<boolean>;
}
