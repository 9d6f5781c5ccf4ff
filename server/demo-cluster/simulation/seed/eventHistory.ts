import { parseTimestamp } from "../clock";
import type { SimContext } from "../context";
import { containerBehavior, type Behavior } from "../kubelet/behavior";
import type { ContainerStatus, Pod } from "../objects/types";

/** The apiserver keeps events for an hour, so only younger pods have a history to show. */
const eventTtlMs = 60 * 60 * 1000;

function containerHistory(ctx: SimContext, pod: Pod, status: ContainerStatus, behavior: Behavior, createdMs: number, now: number): void {
  const host = pod.spec.nodeName;
  const spec = pod.spec.containers.find((c) => c.name === status.name)!;
  const fieldPath = `spec.containers{${status.name}}`;
  const kubelet = { component: "kubelet", host };
  const starts = status.restartCount + 1;
  const lastStart = parseTimestamp(status.state.running?.startedAt ?? status.lastState.terminated?.startedAt) ?? now;
  const series = (reason: string, message: string, count: number, type: "Normal" | "Warning" = "Normal") =>
    ctx.recorder.recordSeries(pod, { type, reason, message, fieldPath, source: kubelet }, count, createdMs + 2_000, lastStart);
  series("Pulling", `Pulling image "${spec.image}"`, 1);
  series("Pulled", `Container image "${spec.image}" already present on machine`, starts);
  series("Created", `Created container ${status.name}`, starts);
  series("Started", `Started container ${status.name}`, starts);
  if (status.restartCount === 0) return;
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  series("BackOff", `Back-off restarting failed container ${status.name} in pod ${podRef}`, status.restartCount * 3, "Warning");
  const node = ctx.informers.nodes.get(undefined, host ?? "");
  if (behavior === "leak" && node) {
    const message = `Memory cgroup out of memory: Killed process ${1000 + status.restartCount} (${status.name})`;
    ctx.recorder.recordSeries(node, { type: "Warning", reason: "OOMKilling", message, source: { component: "kernel-monitor", host } }, status.restartCount, createdMs + 120_000, lastStart);
  }
}

/**
 * Gives pods started within the last hour the events a real cluster would still hold for them
 * (pulls, starts, back-offs, OOM kills), so that `kubectl describe` is not empty at start-up.
 */
export function recordRecentHistory(ctx: SimContext): void {
  const now = ctx.clock.now();
  for (const object of ctx.informers.pods.values()) {
    const pod = object as Pod;
    const createdMs = parseTimestamp(pod.metadata.creationTimestamp) ?? now;
    if (now - createdMs > eventTtlMs || !pod.spec.nodeName) continue;
    const scheduler = { component: "default-scheduler" };
    ctx.recorder.recordSeries(pod, { type: "Normal", reason: "Scheduled", message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${pod.spec.nodeName}`, source: scheduler }, 1, createdMs + 1_000, createdMs + 1_000);
    for (const status of pod.status?.containerStatuses ?? []) {
      const spec = pod.spec.containers.find((c) => c.name === status.name);
      if (spec && (status.started || status.restartCount > 0 || status.state.waiting?.reason === "CrashLoopBackOff")) containerHistory(ctx, pod, status, containerBehavior(pod, spec), createdMs, now);
    }
  }
}
