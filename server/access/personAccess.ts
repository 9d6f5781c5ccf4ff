import type { Person } from "@/server/auth/person";
import { kindInfo, resourceKinds, type ResourceKind } from "@/server/kube/resources";
import { everywhere, readingVerbs, type Access, type AccessCheck, type AccessChecker, type CheckPurpose, type ListScope, type ResourceRef, type UsageScope } from "./types";

const namespacedKinds = resourceKinds.filter((info) => info.namespaced).map((info) => info.kind);
// Pods first: most people who can see into a namespace can list its pods, so most namespaces are settled in one round.
const discoveryOrder = ["pods", ...namespacedKinds.filter((kind) => kind !== "pods")] as const;

function listCheck(kind: ResourceKind, namespace?: string): AccessCheck {
  const info = kindInfo(kind);
  return { verb: "list", resource: { group: info.group, resource: info.plural, namespace: info.namespaced ? namespace : undefined } };
}

// CPU and memory come from metrics.k8s.io: seeing them is a right of its own, as it is for `kubectl top`.
function usageCheck(resource: "pods" | "nodes", namespace?: string): AccessCheck {
  return { verb: "list", resource: { group: "metrics.k8s.io", resource, namespace } };
}

/** One person's view of the service: what they may list, where, and what they may do. */
export class PersonAccess implements Access {
  constructor(private readonly service: AccessChecker, readonly person: Person) {}

  async canList(kind: ResourceKind, namespace?: string): Promise<boolean> {
    if (await this.ask("list", listCheck(kind))) return true;
    if (!kindInfo(kind).namespaced || !namespace) return false;
    return this.ask("list", listCheck(kind, namespace));
  }

  async listScope(kind: ResourceKind): Promise<ListScope> {
    if (await this.ask("list", listCheck(kind))) return everywhere;
    if (kind === "namespaces") return { all: false, namespaces: await this.gettableNamespaces() };
    if (!kindInfo(kind).namespaced) return { all: false, namespaces: new Set() };
    const candidates = this.service.namespaces();
    const allowed = await this.askAll("list", candidates.map((ns) => listCheck(kind, ns)));
    return { all: false, namespaces: new Set(candidates.filter((_, i) => allowed[i])) };
  }

  async visibleNamespaces(): Promise<string[]> {
    const candidates = [...this.service.namespaces()];
    const clusterWide = await this.askAll("list", namespacedKinds.map((kind) => listCheck(kind)));
    if (clusterWide.some(Boolean)) return candidates;
    const visible = new Set<string>();
    for (const kind of discoveryOrder) {
      const unsettled = candidates.filter((ns) => !visible.has(ns));
      if (unsettled.length === 0) break;
      const allowed = await this.askAll("list", unsettled.map((ns) => listCheck(kind, ns)));
      unsettled.forEach((ns, i) => allowed[i] && visible.add(ns));
    }
    return candidates.filter((ns) => visible.has(ns));
  }

  async usageScope(): Promise<UsageScope> {
    const [podsEverywhere = false, nodes = false] = await this.askAll("list", [usageCheck("pods"), usageCheck("nodes")]);
    if (podsEverywhere) return { pods: everywhere, nodes };
    // A pod's usage is only ever shown beside the pod, so only namespaces whose pods the person may list are asked about.
    const pods = await this.listScope("pods");
    const candidates = pods.all ? [...this.service.namespaces()] : [...pods.namespaces];
    const allowed = await this.askAll("list", candidates.map((ns) => usageCheck("pods", ns)));
    return { pods: { all: false, namespaces: new Set(candidates.filter((_, i) => allowed[i])) }, nodes };
  }

  can(verb: string, resource: ResourceRef): Promise<boolean> {
    if (!readingVerbs.has(verb) && this.service.isReadOnly(this.person)) return Promise.resolve(false);
    return this.ask("action", { verb, resource });
  }

  canAll(checks: readonly AccessCheck[]): Promise<boolean[]> {
    return Promise.all(checks.map((check) => this.can(check.verb, check.resource)));
  }

  /** Namespace objects the person may get (a RoleBinding inside a namespace can grant that) among those they can see into. */
  private async gettableNamespaces(): Promise<Set<string>> {
    const visible = await this.visibleNamespaces();
    const allowed = await this.askAll("list", visible.map((ns) => ({ verb: "get", resource: { group: "", resource: "namespaces", namespace: ns, name: ns } })));
    return new Set(visible.filter((_, i) => allowed[i]));
  }

  private ask(purpose: CheckPurpose, check: AccessCheck): Promise<boolean> {
    return this.service.check(this.person, purpose, check);
  }

  private askAll(purpose: CheckPurpose, checks: readonly AccessCheck[]): Promise<boolean[]> {
    return Promise.all(checks.map((check) => this.ask(purpose, check)));
  }
}
