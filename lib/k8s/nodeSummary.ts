import type { Node } from "./types";

export interface NodeSummary {
  /** Ready, NotReady or Unknown, with ",SchedulingDisabled" when cordoned (as kubectl prints). */
  status: string;
  roles: string;
  version: string;
  cpuAllocatable?: string;
  memoryAllocatable?: string;
  internalIP?: string;
}

const rolePrefix = "node-role.kubernetes.io/";

/** Roles from `node-role.kubernetes.io/<role>` labels and the older `kubernetes.io/role`, like kubectl. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(rolePrefix) && key.length > rolePrefix.length) roles.add(key.slice(rolePrefix.length));
    else if (key === "kubernetes.io/role" && value) roles.add(value);
  }
  return [...roles].sort();
}

export function nodeReadiness(node: Node): "Ready" | "NotReady" | "Unknown" {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  if (!ready) return "Unknown";
  return ready.status === "True" ? "Ready" : "NotReady";
}

export function summarizeNode(node: Node): NodeSummary {
  const readiness = nodeReadiness(node);
  const roles = nodeRoles(node);
  return {
    status: node.spec?.unschedulable ? `${readiness},SchedulingDisabled` : readiness,
    roles: roles.length > 0 ? roles.join(",") : "<none>",
    version: node.status?.nodeInfo?.kubeletVersion ?? "",
    cpuAllocatable: node.status?.allocatable?.cpu,
    memoryAllocatable: node.status?.allocatable?.memory,
    internalIP: node.status?.addresses?.find((a) => a.type === "InternalIP")?.address,
  };
}
