import type { KubeObject } from "@/server/kube/types";
import { field, list, num, str } from "../objectAccess";
import { formatLabelSelector, formatLabels, type LabelSelectorSpec } from "../labelSelector";
import { humanDuration } from "./humanDuration";
import { age, ageColumn, column, containerCells, containersColumn, imagesColumn, nameColumn, selectorColumn, type TablePrinter } from "./columns";

const spec = (o: KubeObject, ...path: string[]) => field(o, "spec", ...path);
const status = (o: KubeObject, key: string) => num(field(o, "status", key));
const selectorOf = (o: KubeObject, ...path: string[]) => formatLabelSelector(field(o, ...path) as LabelSelectorSpec | undefined);
const templateContainers = (o: KubeObject, ...path: string[]) => containerCells(field(o, ...path, "template", "spec", "containers"));

export const deploymentPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Ready", "Number of the pod with ready state"),
    column("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
    column("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [
    o.metadata.name, `${status(o, "readyReplicas")}/${num(spec(o, "replicas"))}`, status(o, "updatedReplicas"), status(o, "availableReplicas"),
    age(o, now), ...templateContainers(o, "spec"), selectorOf(o, "spec", "selector"),
  ],
};

export const replicaSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Desired", "Replicas is the number of desired replicas.", { type: "integer" }),
    column("Current", "Replicas is the most recently observed number of replicas.", { type: "integer" }),
    column("Ready", "The number of ready replicas for this replica set.", { type: "integer" }),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [
    o.metadata.name, num(spec(o, "replicas")), status(o, "replicas"), status(o, "readyReplicas"),
    age(o, now), ...templateContainers(o, "spec"), selectorOf(o, "spec", "selector"),
  ],
};

export const statefulSetPrinter: TablePrinter = {
  columns: [nameColumn, column("Ready", "Number of the pod with ready state"), ageColumn, containersColumn, imagesColumn],
  cells: (o, now) => [o.metadata.name, `${status(o, "readyReplicas")}/${num(spec(o, "replicas"))}`, age(o, now), ...templateContainers(o, "spec")],
};

export const daemonSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Desired", "The total number of nodes that should be running the daemon pod.", { type: "integer" }),
    column("Current", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.", { type: "integer" }),
    column("Ready", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.", { type: "integer" }),
    column("Up-to-date", "The total number of nodes that are running updated daemon pod", { type: "integer" }),
    column("Available", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.", { type: "integer" }),
    column("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a node."),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [
    o.metadata.name, status(o, "desiredNumberScheduled"), status(o, "currentNumberScheduled"), status(o, "numberReady"),
    status(o, "updatedNumberScheduled"), status(o, "numberAvailable"),
    formatLabels(field(o, "spec", "template", "spec", "nodeSelector") as Record<string, string> | undefined),
    age(o, now), ...templateContainers(o, "spec"), selectorOf(o, "spec", "selector"),
  ],
};

function hasJobCondition(o: KubeObject, type: string): boolean {
  const found = list(field(o, "status", "conditions")).find((c) => c.type === type);
  return found?.status === "True";
}

function jobStatus(o: KubeObject): string {
  if (hasJobCondition(o, "Complete")) return "Complete";
  if (hasJobCondition(o, "Failed")) return "Failed";
  if (o.metadata.deletionTimestamp) return "Terminating";
  if (hasJobCondition(o, "Suspended")) return "Suspended";
  if (hasJobCondition(o, "FailureTarget")) return "FailureTarget";
  return "Running";
}

function jobCompletions(o: KubeObject): string {
  const succeeded = status(o, "succeeded");
  const completions = spec(o, "completions");
  if (typeof completions === "number") return `${succeeded}/${completions}`;
  const parallelism = num(spec(o, "parallelism"));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(o: KubeObject, now: number): string {
  const start = Date.parse(str(field(o, "status", "startTime")));
  if (Number.isNaN(start)) return "";
  const end = Date.parse(str(field(o, "status", "completionTime")));
  return humanDuration((Number.isNaN(end) ? now : end) - start);
}

export const jobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Status", "Status of the job."),
    column("Completions", "The number of pods which reached phase Succeeded."),
    column("Duration", "Time required to complete the job."),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [
    o.metadata.name, jobStatus(o), jobCompletions(o), jobDuration(o, now), age(o, now),
    ...templateContainers(o, "spec"), selectorOf(o, "spec", "selector"),
  ],
};

export const cronJobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
    column("Timezone", "The time zone name for the given schedule."),
    column("Suspend", "This flag tells the controller to suspend subsequent executions.", { type: "boolean" }),
    column("Active", "A list of pointers to currently running jobs.", { type: "integer" }),
    column("Last Schedule", "Information when was the last time the job was successfully scheduled."),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => {
    const last = field(o, "status", "lastScheduleTime");
    return [
      o.metadata.name, str(spec(o, "schedule")), str(spec(o, "timeZone")) || "<none>", boolCell(spec(o, "suspend")),
      list(field(o, "status", "active")).length, last === undefined ? "<none>" : ageSinceCell(last, now), age(o, now),
      ...templateContainers(o, "spec", "jobTemplate", "spec"), selectorOf(o, "spec", "jobTemplate", "spec", "selector"),
    ];
  },
};

function ageSinceCell(timestamp: unknown, now: number): string {
  const at = Date.parse(str(timestamp));
  return Number.isNaN(at) ? "<unknown>" : humanDuration(now - at);
}

/** printBoolPtr: "<unset>" when the field is absent. */
function boolCell(value: unknown): string {
  return typeof value === "boolean" ? (value ? "True" : "False") : "<unset>";
}
