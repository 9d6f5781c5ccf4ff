import { controllerOf } from "../objects/meta";
import type { ContainerSpec, Pod } from "../objects/types";
import { unitHash } from "../random";

/** Pod template annotation that tells the demo kubelet how the main container behaves. */
export const BEHAVIOR_ANNOTATION = "sim.orrery.dev/behavior";

/**
 * steady: runs until stopped; crashloop: exits with code 1 a few seconds after each start;
 * leak: memory grows until the limit and the kernel OOM-kills it; complete / fail: batch work that exits 0 / 1.
 */
export type Behavior = "steady" | "crashloop" | "leak" | "complete" | "fail";

const behaviors = new Set<Behavior>(["steady", "crashloop", "leak", "complete", "fail"]);

export function behaviorOf(pod: Pod): Behavior {
  const declared = pod.metadata.annotations?.[BEHAVIOR_ANNOTATION];
  if (declared && behaviors.has(declared as Behavior)) return declared as Behavior;
  // Job pods and run-once pods (kubectl run --restart=Never) are batch work that finishes.
  const runsOnce = pod.spec.restartPolicy === "Never" || pod.spec.restartPolicy === "OnFailure";
  return controllerOf(pod)?.kind === "Job" || runsOnce ? "complete" : "steady";
}

/** A `sleep N` in the container's command line, in milliseconds (batch demos say how long they take). */
export function declaredSleepMs(container: ContainerSpec): number | undefined {
  const line = [...(container.command ?? []), ...(container.args ?? [])].join(" ");
  const match = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(line);
  return match ? Math.min(Number(match[1]) * 1000, 24 * 3600 * 1000) : undefined;
}

/** How the given container behaves: batch behaviours apply to all containers, the others to the first only. */
export function containerBehavior(pod: Pod, container: ContainerSpec): Behavior {
  const behavior = behaviorOf(pod);
  if (behavior === "complete" || behavior === "fail") return behavior;
  return pod.spec.containers[0]?.name === container.name ? behavior : "steady";
}

const second = 1000;

/** A duration in [minMs, maxMs] that is stable for a key, so re-planning a pod gives the same answer. */
function jitter(minMs: number, maxMs: number, ...key: (string | number)[]): number {
  return Math.round(minMs + (maxMs - minMs) * unitHash(...key));
}

export const timings = {
  /** Binding → sandbox ready (ContainerCreating). */
  sandbox: (uid: string) => jitter(300, 900, uid, "sandbox"),
  /** Sandbox → container running (image present, create, start). */
  start: (uid: string, container: string) => jitter(1 * second, 3 * second, uid, container, "start"),
  /** A restarted container's start after its backoff ends. */
  restart: (uid: string, container: string, restarts: number) => jitter(300, 1200, uid, container, restarts, "restart"),
  /** How long a crash-looping container runs before exiting. */
  crashAfter: (uid: string, container: string, restarts: number) => jitter(3 * second, 8 * second, uid, container, restarts, "crash"),
  completeAfter: (uid: string, container: ContainerSpec) => {
    const sleep = declaredSleepMs(container);
    return sleep !== undefined ? sleep + jitter(100, 900, uid, container.name, "complete") : jitter(8 * second, 20 * second, uid, container.name, "complete");
  },
  failAfter: (uid: string, container: string) => jitter(3 * second, 6 * second, uid, container, "fail"),
  /** From the start until the readiness probe first succeeds. */
  ready: (uid: string, container: ContainerSpec) => {
    const probe = container.readinessProbe;
    if (!probe) return 0;
    const period = (probe.periodSeconds ?? 10) * second;
    return (probe.initialDelaySeconds ?? 0) * second + jitter(0, period, uid, container.name, "ready");
  },
  /** How long a stopped container's status shows "Error"/"OOMKilled" before the kubelet acts on it. */
  noticeExit: () => second,
};

/** The kubelet's crash-loop backoff before restart number `restarts + 1`: none for the first, then 10s doubling to 5m. */
export function restartBackoffMs(restarts: number): number {
  if (restarts <= 0) return 0;
  return Math.min(10 * second * 2 ** (restarts - 1), 300 * second);
}
