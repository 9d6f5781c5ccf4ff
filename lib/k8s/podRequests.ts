import { parseQuantity } from "./quantity";
import type { ContainerView, Pod } from "./types";
import type { ResourceAmounts } from "../wire/resources";

function requestsOf(container: ContainerView): ResourceAmounts {
  const requests = container.resources?.requests ?? {};
  return {
    cpuMillicores: Math.round((parseQuantity(requests.cpu ?? "0") ?? 0) * 1000),
    memoryBytes: Math.round(parseQuantity(requests.memory ?? "0") ?? 0),
  };
}

const add = (a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts => ({ cpuMillicores: a.cpuMillicores + b.cpuMillicores, memoryBytes: a.memoryBytes + b.memoryBytes });
const zero: ResourceAmounts = { cpuMillicores: 0, memoryBytes: 0 };

/**
 * What the scheduler reserves for a pod: its app and sidecar containers' requests added up, or the largest
 * one-shot init container's when that is more (init containers run one at a time, before the app).
 */
export function podRequests(pod: Pod): ResourceAmounts {
  const init = pod.spec?.initContainers ?? [];
  const sidecars = init.filter((c) => c.restartPolicy === "Always");
  const running = [...(pod.spec?.containers ?? []), ...sidecars].map(requestsOf).reduce(add, zero);
  const largestInit = init.filter((c) => c.restartPolicy !== "Always").map(requestsOf).reduce((max, r) => ({ cpuMillicores: Math.max(max.cpuMillicores, r.cpuMillicores), memoryBytes: Math.max(max.memoryBytes, r.memoryBytes) }), zero);
  return { cpuMillicores: Math.max(running.cpuMillicores, largestInit.cpuMillicores), memoryBytes: Math.max(running.memoryBytes, largestInit.memoryBytes) };
}

/** A host's requested CPU and memory as `kubectl describe node` adds it up: pods that have finished hold nothing. */
export function sumPodRequests(pods: readonly Pod[]): ResourceAmounts {
  return pods.filter((pod) => pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed").map(podRequests).reduce(add, zero);
}
