import type { KubeObject, Pod, Workload } from "@/lib/k8s/types";
import type { TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import type { UsageLookup } from "../kube/usage/usageLookup";
import { groupBy, idOf, metricsOf, objectNode, rollup } from "./nodes";
import type { TopologySource } from "./source";

// Which controller a pod belongs to, with ReplicaSets folded into their Deployments.

export interface Controller {
  object: KubeObject;
  kind: Exclude<TopologyKind, "Node" | "Pod" | "Unmanaged" | "Service" | "Ingress" | "Container" | "Namespace" | "Group">;
}

const controllerKinds = [
  ["deployments", "Deployment"],
  ["statefulsets", "StatefulSet"],
  ["daemonsets", "DaemonSet"],
  ["jobs", "Job"],
  ["cronjobs", "CronJob"],
] as const;

function ownerUid(object: KubeObject): string | undefined {
  const refs = object.metadata.ownerReferences ?? [];
  return (refs.find((r) => r.controller) ?? refs[0])?.uid;
}

export class ControllerIndex {
  readonly controllers: Controller[] = [];
  private readonly byUid = new Map<string, Controller>();
  private readonly replicaSetOwner = new Map<string, string | undefined>();

  constructor(source: TopologySource) {
    for (const [resource, kind] of controllerKinds) {
      for (const object of source[resource]) {
        const controller: Controller = { object, kind };
        this.controllers.push(controller);
        this.byUid.set(idOf(object, kind), controller);
      }
    }
    for (const rs of source.replicasets) if (rs.metadata.uid) this.replicaSetOwner.set(rs.metadata.uid, ownerUid(rs));
  }

  /** The controller shown for a pod; undefined for bare pods and pods whose owner Orrery does not show. */
  controllerOf(pod: Pod): Controller | undefined {
    const owner = ownerUid(pod);
    if (owner === undefined) return undefined;
    const direct = this.byUid.get(owner);
    if (direct) return direct;
    const deployment = this.replicaSetOwner.get(owner);
    return deployment === undefined ? undefined : this.byUid.get(deployment);
  }

  /** The CronJob that owns a Job, if it is in view. */
  cronJobOf(job: KubeObject): Controller | undefined {
    const owner = ownerUid(job);
    const controller = owner === undefined ? undefined : this.byUid.get(owner);
    return controller?.kind === "CronJob" ? controller : undefined;
  }

  /** Pods per controller id, and bare pods per namespace. */
  assign(pods: readonly Pod[]): { owned: Map<string, Pod[]>; unmanaged: Map<string, Pod[]> } {
    const owned = groupBy(pods, (pod) => {
      const controller = this.controllerOf(pod);
      return controller && idOf(controller.object, controller.kind);
    });
    const unmanaged = groupBy(pods, (pod) => (this.controllerOf(pod) ? undefined : (pod.metadata.namespace ?? "")));
    return { owned, unmanaged };
  }
}

// A controller without pods says what it can from its own status.
function ownStatus(controller: Controller): TopologyStatus {
  const workload = controller.object as Workload;
  if (controller.object.metadata.deletionTimestamp) return "terminating";
  if (controller.kind !== "Job") return "unknown";
  const conditions = (workload.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  if (conditions.some((c) => c.type === "Failed" && c.status === "True")) return "failed";
  if (conditions.some((c) => c.type === "Complete" && c.status === "True")) return "succeeded";
  return "pending";
}

/** A controller node: the worst of its pods, their restarts, and their summed usage where any has a sample. */
export function controllerNode(controller: Controller, pods: readonly Pod[], usage?: UsageLookup): TopologyNode {
  const summary = rollup(pods, usage);
  const node = objectNode(controller.object, controller.kind, pods.length === 0 ? ownStatus(controller) : summary.worst);
  node.metrics = metricsOf(summary.usage, summary.restarts);
  return node;
}

export const unmanagedId = (namespace: string): string => `unmanaged:${namespace}`;

/** The group of a namespace's pods that no shown controller owns. */
export function unmanagedNode(namespace: string, pods: readonly Pod[], usage?: UsageLookup): TopologyNode {
  const summary = rollup(pods, usage);
  return { id: unmanagedId(namespace), kind: "Unmanaged", name: "Unmanaged", namespace, status: summary.worst, metrics: metricsOf(summary.usage, summary.restarts) };
}
