import type { KubeObject } from "@/server/kube/types";
import { field, list, num, record, str, type Json } from "../objectAccess";
import { age, ageColumn, column, nameColumn, type RowCondition, type TablePrinter } from "./columns";
import { ageSince } from "./humanDuration";

interface Tally {
  reason: string;
  restarts: number;
  ready: number;
  lastRestart: number;
}

const succeeded: RowCondition[] = [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
const failed: RowCondition[] = [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];

function isRestartableInit(container: Json | undefined): boolean {
  return container?.restartPolicy === "Always";
}

function finishedAt(status: Json): number {
  const at = field(status, "lastState", "terminated", "finishedAt");
  return typeof at === "string" ? Date.parse(at) || 0 : 0;
}

function terminatedReason(terminated: Json, prefix: string): string {
  if (str(terminated.reason) !== "") return prefix + str(terminated.reason);
  const signal = num(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${num(terminated.exitCode)}`;
}

/** Walks init container statuses; true while the pod is still initializing. */
function tallyInit(pod: KubeObject, t: Tally, restartable: Tally): boolean {
  const specs = list(field(pod, "spec", "initContainers"));
  const byName = new Map(specs.map((c) => [str(c.name), c]));
  const statuses = list(field(pod, "status", "initContainerStatuses"));
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i]!;
    const spec = byName.get(str(s.name));
    t.restarts += num(s.restartCount);
    t.lastRestart = Math.max(t.lastRestart, finishedAt(s));
    if (isRestartableInit(spec)) {
      restartable.restarts += num(s.restartCount);
      restartable.lastRestart = Math.max(restartable.lastRestart, finishedAt(s));
    }
    const terminated = field(s, "state", "terminated");
    const waitingReason = str(field(s, "state", "waiting", "reason"));
    if (terminated && num(record(terminated).exitCode) === 0) continue;
    if (isRestartableInit(spec) && s.started === true) {
      if (s.ready === true) t.ready++;
      continue;
    }
    if (terminated) t.reason = terminatedReason(record(terminated), "Init:");
    else if (waitingReason !== "" && waitingReason !== "PodInitializing") t.reason = `Init:${waitingReason}`;
    else t.reason = `Init:${i}/${specs.length}`;
    return true;
  }
  return false;
}

function tallyContainers(pod: KubeObject, t: Tally): void {
  const statuses = list(field(pod, "status", "containerStatuses"));
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i]!;
    t.restarts += num(s.restartCount);
    t.lastRestart = Math.max(t.lastRestart, finishedAt(s));
    const waiting = str(field(s, "state", "waiting", "reason"));
    const terminated = field(s, "state", "terminated");
    if (waiting !== "") t.reason = waiting;
    else if (terminated) t.reason = terminatedReason(record(terminated), "");
    else if (s.ready === true && field(s, "state", "running") !== undefined) {
      hasRunning = true;
      t.ready++;
    }
  }
  if (t.reason === "Completed" && hasRunning) t.reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
}

function hasCondition(pod: KubeObject, type: string): boolean {
  return list(field(pod, "status", "conditions")).some((c) => c.type === type && c.status === "True");
}

/** kubectl's READY, STATUS and RESTARTS for a pod (printPod). */
export function podSummary(pod: KubeObject, now: number): { ready: string; status: string; restarts: string } {
  const phase = str(field(pod, "status", "phase"));
  const statusReason = str(field(pod, "status", "reason"));
  const inits = list(field(pod, "spec", "initContainers"));
  const total = list(field(pod, "spec", "containers")).length + inits.filter(isRestartableInit).length;
  const t: Tally = { reason: statusReason || phase, restarts: 0, ready: 0, lastRestart: 0 };
  if (list(field(pod, "status", "conditions")).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated")) t.reason = "SchedulingGated";
  const restartable: Tally = { reason: "", restarts: 0, ready: 0, lastRestart: 0 };
  const initializing = tallyInit(pod, t, restartable);
  if (!initializing || hasCondition(pod, "Initialized")) {
    t.restarts = restartable.restarts;
    t.lastRestart = restartable.lastRestart;
    tallyContainers(pod, t);
  }
  const terminal = phase === "Succeeded" || phase === "Failed";
  if (pod.metadata.deletionTimestamp && statusReason === "NodeLost") t.reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && !terminal) t.reason = "Terminating";
  const restarts = t.restarts !== 0 && t.lastRestart > 0 ? `${t.restarts} (${ageSince(new Date(t.lastRestart).toISOString(), now)} ago)` : String(t.restarts);
  return { ready: `${t.ready}/${total}`, status: t.reason, restarts };
}

function readinessGates(pod: KubeObject): string {
  const gates = list(field(pod, "spec", "readinessGates"));
  if (gates.length === 0) return "<none>";
  const conditions = list(field(pod, "status", "conditions"));
  const passing = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === "True").length;
  return `${passing}/${gates.length}`;
}

export const podPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Ready", "The aggregate readiness state of this pod for accepting traffic."),
    column("Status", "The aggregate status of the containers in this pod."),
    column("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
    ageColumn,
    column("IP", "IP address allocated to the pod. Routable at least within the cluster.", { priority: 1 }),
    column("Node", "NodeName indicates in which node this pod is scheduled.", { priority: 1 }),
    column("Nominated Node", "nominatedNodeName is set when this pod preempts other pods on the node.", { priority: 1 }),
    column("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness.", { priority: 1 }),
  ],
  cells(pod, now) {
    const { ready, status, restarts } = podSummary(pod, now);
    const ip = str(list(field(pod, "status", "podIPs"))[0]?.ip) || "<none>";
    const node = str(field(pod, "spec", "nodeName")) || "<none>";
    const nominated = str(field(pod, "status", "nominatedNodeName")) || "<none>";
    return [pod.metadata.name, ready, status, restarts, age(pod, now), ip, node, nominated, readinessGates(pod)];
  },
  conditions(pod) {
    const phase = field(pod, "status", "phase");
    return phase === "Succeeded" ? succeeded : phase === "Failed" ? failed : undefined;
  },
};
