import type { ContainerStateView, Pod } from "./types";

/** "waiting: CrashLoopBackOff" or "terminated: Error, exit code 1": a container state as a person reads it. */
export function describeStoppedState(state: ContainerStateView): string | undefined {
  if (state.waiting) return state.waiting.reason ? `waiting: ${state.waiting.reason}` : "waiting";
  if (state.terminated) {
    const { reason, exitCode, signal } = state.terminated;
    const code = exitCode !== undefined ? `exit code ${exitCode}` : signal !== undefined ? `signal ${signal}` : undefined;
    return `terminated: ${[reason, code].filter(Boolean).join(", ") || "no reason given"}`;
  }
  return undefined;
}

/**
 * Why a shell cannot run in `container` of `pod` now because the container is not running, e.g.
 * `container "server" is not running (waiting: CrashLoopBackOff)`; undefined when it runs or its state is not reported.
 */
export function containerNotRunning(pod: Pod, container: string): string | undefined {
  const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === container);
  const stopped = status?.state && !status.state.running ? describeStoppedState(status.state) : undefined;
  return stopped ? `container "${container}" is not running (${stopped})` : undefined;
}
