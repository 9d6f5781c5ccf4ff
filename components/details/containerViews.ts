import { describeStoppedState } from "@/lib/k8s/containerNotRunning";
import type { ContainerStatusView, ContainerView, KubeObject, Pod } from "@/lib/k8s/types";

export interface ContainerDetails {
  name: string;
  init: boolean;
  image?: string;
  state: string;
  /** Why the current state is what it is (a back-off message, a termination message); absent when there is none. */
  stateMessage?: string;
  /** The previous run's end, e.g. "Terminated: Error, exit code 1": why a crash-looping container crashed. */
  lastState?: string;
  /** When the previous run ended. */
  lastFinishedAt?: string;
  ready?: boolean;
  restarts?: number;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

function describeState(status: ContainerStatusView | undefined): string {
  const state = status?.state;
  if (!state) return "—";
  if (state.running) return "Running";
  if (state.waiting) return `Waiting: ${state.waiting.reason ?? "unknown"}`;
  if (state.terminated) {
    const { reason, exitCode } = state.terminated;
    // Completed with 0 needs no code; anything else says how it ended.
    return `Terminated: ${[reason, exitCode !== undefined && exitCode !== 0 ? `exit code ${exitCode}` : undefined].filter(Boolean).join(", ") || `exit code ${exitCode ?? "?"}`}`;
  }
  return "—";
}

function podSpecOf(object: KubeObject): { containers?: ContainerView[]; initContainers?: ContainerView[] } | undefined {
  const spec = object.spec as { template?: { spec?: unknown }; jobTemplate?: { spec?: { template?: { spec?: unknown } } } } | undefined;
  if (object.kind === "Pod") return (object as Pod).spec;
  const template = spec?.template ?? spec?.jobTemplate?.spec?.template;
  return template?.spec as { containers?: ContainerView[]; initContainers?: ContainerView[] } | undefined;
}

/** Containers of a pod with their live state, or of a controller's pod template. */
export function containersOf(object: KubeObject): ContainerDetails[] {
  const spec = podSpecOf(object);
  if (!spec) return [];
  const status = object.kind === "Pod" ? (object as Pod).status : undefined;
  const describe = (container: ContainerView, init: boolean): ContainerDetails => {
    const statuses = init ? status?.initContainerStatuses : status?.containerStatuses;
    const live = statuses?.find((s) => s.name === container.name);
    const last = live?.lastState && describeStoppedState(live.lastState);
    const message = live?.state?.waiting?.message ?? live?.state?.terminated?.message;
    return {
      name: container.name,
      init,
      image: container.image,
      state: status ? describeState(live) : "template",
      ...(message ? { stateMessage: message } : {}),
      ...(last ? { lastState: last.charAt(0).toUpperCase() + last.slice(1) } : {}),
      ...(live?.lastState?.terminated?.finishedAt ? { lastFinishedAt: live.lastState.terminated.finishedAt } : {}),
      ready: live?.ready,
      restarts: live?.restartCount,
      requests: container.resources?.requests,
      limits: container.resources?.limits,
    };
  };
  return [...(spec.initContainers ?? []).map((c) => describe(c, true)), ...(spec.containers ?? []).map((c) => describe(c, false))];
}
