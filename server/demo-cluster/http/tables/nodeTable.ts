import type { KubeObject } from "@/server/kube/types";
import { field, list, str } from "../objectAccess";
import { age, ageColumn, column, nameColumn, type TablePrinter } from "./columns";

const rolePrefix = "node-role.kubernetes.io/";

/** Ready / NotReady / Unknown, with SchedulingDisabled when cordoned (printNode). */
export function nodeStatus(node: KubeObject): string {
  const ready = list(field(node, "status", "conditions")).find((c) => c.type === "Ready");
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (field(node, "spec", "unschedulable") === true) status.push("SchedulingDisabled");
  return status.join(",");
}

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(rolePrefix) && key.length > rolePrefix.length) roles.add(key.slice(rolePrefix.length));
    else if (key === "kubernetes.io/role" && value !== "") roles.add(value);
  }
  return [...roles].sort().join(",") || "<none>";
}

function address(node: KubeObject, type: string): string {
  return str(list(field(node, "status", "addresses")).find((a) => a.type === type)?.address) || "<none>";
}

const info = (node: KubeObject, key: string) => str(field(node, "status", "nodeInfo", key));

export const nodePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Status", "The status of the node"),
    column("Roles", "The roles of the node"),
    ageColumn,
    column("Version", "Kubelet Version reported by the node."),
    column("Internal-IP", "List of addresses reachable to the node.", { priority: 1 }),
    column("External-IP", "List of addresses reachable to the node.", { priority: 1 }),
    column("OS-Image", "OS Image reported by the node from /etc/os-release.", { priority: 1 }),
    column("Kernel-Version", "Kernel Version reported by the node from 'uname -r'.", { priority: 1 }),
    column("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API.", { priority: 1 }),
  ],
  cells: (node, now) => [
    node.metadata.name,
    nodeStatus(node),
    nodeRoles(node),
    age(node, now),
    info(node, "kubeletVersion"),
    address(node, "InternalIP"),
    address(node, "ExternalIP"),
    info(node, "osImage") || "<unknown>",
    info(node, "kernelVersion") || "<unknown>",
    info(node, "containerRuntimeVersion") || "<unknown>",
  ],
};
