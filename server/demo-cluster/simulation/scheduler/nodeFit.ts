import { parseQuantity } from "@/lib/k8s/quantity";
import type { KubeObject } from "@/server/kube/types";
import type { LabelSelectorRequirement, Node, Pod, Taint, Toleration } from "../objects/types";

export interface Resources {
  cpu: number;
  memory: number;
  pods: number;
}

const quantity = (text: string | undefined) => (text === undefined ? 0 : (parseQuantity(text) ?? 0));

const allocatableCache = new WeakMap<Node, Resources>();

/** A node's allocatable resources (stored objects never change in place, so the answer is cached per object). */
export function allocatableOf(node: Node): Resources {
  let cached = allocatableCache.get(node);
  if (!cached) {
    const a = node.status?.allocatable ?? {};
    cached = { cpu: quantity(a.cpu), memory: quantity(a.memory), pods: quantity(a.pods) };
    allocatableCache.set(node, cached);
  }
  return cached;
}

/** What a pod asks of its node: the sum of its containers' requests, plus one pod slot. */
export function podRequests(pod: KubeObject): Resources {
  const containers = (pod as Pod).spec?.containers ?? [];
  let cpu = 0;
  let memory = 0;
  for (const c of containers) {
    cpu += quantity(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu);
    memory += quantity(c.resources?.requests?.memory ?? c.resources?.limits?.memory);
  }
  return { cpu, memory, pods: 1 };
}

function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === "Exists") return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? "") === (taint.value ?? "");
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate, if any. */
export function untoleratedTaint(tolerations: readonly Toleration[] | undefined, taints: readonly Taint[] | undefined): Taint | undefined {
  return (taints ?? []).find((taint) => taint.effect !== "PreferNoSchedule" && !(tolerations ?? []).some((t) => tolerates(t, taint)));
}

function matchesRequirement(value: string | undefined, req: LabelSelectorRequirement): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(values[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** nodeSelector and required node affinity (label expressions and metadata.name fields). */
export function matchesNodeSelection(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((req) => matchesRequirement(labels[req.key], req)) &&
      (term.matchFields ?? []).every((req) => req.key === "metadata.name" && matchesRequirement(node.metadata.name, req)),
  );
}

/** Why the pod cannot go on the node, in the scheduler's words; undefined when it fits. */
export function misfitReason(pod: Pod, node: Node, used: Resources | undefined, need: Resources = podRequests(pod)): string | undefined {
  if (node.spec?.unschedulable && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }))) {
    return "node(s) were unschedulable";
  }
  if (!matchesNodeSelection(pod, node)) return "node(s) didn't match Pod's node affinity/selector";
  const taint = untoleratedTaint(pod.spec.tolerations, node.spec?.taints);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
  if (!isNodeReady(node)) return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
  const have = allocatableOf(node);
  const u = used ?? { cpu: 0, memory: 0, pods: 0 };
  if (u.pods + 1 > have.pods) return "Too many pods";
  if (u.cpu + need.cpu > have.cpu + 1e-9) return "Insufficient cpu";
  if (u.memory + need.memory > have.memory) return "Insufficient memory";
  return undefined;
}

export function isNodeReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}
