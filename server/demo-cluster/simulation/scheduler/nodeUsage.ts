import type { KubeObject } from "@/server/kube/types";
import type { Pod } from "../objects/types";
import { podRequests, type Resources } from "./nodeFit";

/** Whether a pod holds resources on its node: bound and not finished. */
function holdsResources(pod: KubeObject | undefined): pod is Pod {
  if (!pod) return false;
  const phase = (pod as Pod).status?.phase;
  return Boolean((pod as Pod).spec?.nodeName) && phase !== "Succeeded" && phase !== "Failed";
}

/** Requested resources per node, kept incrementally from pod changes (the scheduler's cache). */
export class NodeUsage {
  private readonly byNode = new Map<string, Resources>();

  get(nodeName: string): Resources | undefined {
    return this.byNode.get(nodeName);
  }

  /** Accounts for a pod's change from `previous` to `next` (either may be absent). */
  update(previous: KubeObject | undefined, next: KubeObject | undefined): void {
    if (holdsResources(previous)) this.add(previous.spec.nodeName!, podRequests(previous), -1);
    if (holdsResources(next)) this.add(next.spec.nodeName!, podRequests(next), 1);
  }

  private add(nodeName: string, requests: Resources, sign: 1 | -1): void {
    const current = this.byNode.get(nodeName) ?? { cpu: 0, memory: 0, pods: 0 };
    current.cpu += sign * requests.cpu;
    current.memory += sign * requests.memory;
    current.pods += sign * requests.pods;
    this.byNode.set(nodeName, current);
  }
}
