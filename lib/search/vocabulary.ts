// The words the search language knows: field and metric names with their aliases, kinds and statuses.
import type { TopologyKind, TopologyStatus } from "@/lib/wire/topology";
import type { FieldName, MetricName } from "./ast";

/** Every spelling of a field the parser accepts, lower case, mapped to the field it means. */
export const fieldAliases: Readonly<Record<string, FieldName>> = {
  ns: "namespace",
  namespace: "namespace",
  kind: "kind",
  node: "node",
  host: "node",
  status: "status",
  label: "label",
  image: "image",
  name: "name",
};

/** Every spelling of a metric the parser accepts, lower case, mapped to the metric it means. */
export const metricAliases: Readonly<Record<string, MetricName>> = {
  cpu: "cpu",
  memory: "memory",
  mem: "memory",
  restarts: "restarts",
};

/** Field names as listed in error messages: the short forms people type. */
export const fieldNamesForMessages = "ns, kind, node, status, label, image, name";
export const metricNamesForMessages = "cpu, memory, restarts";

const topologyKinds = [
  "Node", "Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
  "Unmanaged", "Service", "Ingress", "Container", "Namespace", "Group",
] as const satisfies readonly TopologyKind[];

// Fails to compile when TopologyKind gains a member this list does not have.
const allKindsListed: Exclude<TopologyKind, (typeof topologyKinds)[number]> extends never ? true : false = true;
void allKindsListed;

const kindShortNames: Readonly<Record<string, TopologyKind>> = {
  no: "Node", nodes: "Node", host: "Node", hosts: "Node",
  po: "Pod", pods: "Pod",
  deploy: "Deployment", deployments: "Deployment",
  sts: "StatefulSet", statefulsets: "StatefulSet",
  ds: "DaemonSet", daemonsets: "DaemonSet",
  jobs: "Job", cj: "CronJob", cronjobs: "CronJob",
  svc: "Service", services: "Service",
  ing: "Ingress", ingresses: "Ingress",
  containers: "Container", ns: "Namespace", namespaces: "Namespace", groups: "Group",
};

/** Kind names (any case) and kubectl short names mapped to the topology kind. */
export const kindAliases: Readonly<Record<string, TopologyKind>> = {
  ...Object.fromEntries(topologyKinds.map((kind) => [kind.toLowerCase(), kind])),
  ...kindShortNames,
};

export const kindNamesForMessages = topologyKinds.map((kind) => kind.toLowerCase()).join(", ");

const topologyStatuses = [
  "running", "pending", "crashlooping", "failed", "terminating", "notready", "succeeded", "unknown",
] as const satisfies readonly TopologyStatus[];

const allStatusesListed: Exclude<TopologyStatus, (typeof topologyStatuses)[number]> extends never ? true : false = true;
void allStatusesListed;

/** Statuses plus the spellings kubectl shows for them. */
export const statusAliases: Readonly<Record<string, TopologyStatus>> = {
  ...Object.fromEntries(topologyStatuses.map((status) => [status, status])),
  crashloopbackoff: "crashlooping",
  "not-ready": "notready",
  completed: "succeeded",
  error: "failed",
};

export const statusNamesForMessages = topologyStatuses.join(", ");

/** Looks a word up in an alias table without tripping over Object.prototype names like "constructor". */
export function lookUp<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
