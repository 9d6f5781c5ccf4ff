import type { ContainerStatusView, ContainerView, KubeObject, Pod } from "@/lib/k8s/types";

export interface ContainerDetails {
  name: string;
  init: boolean;
  image?: string;
  state: string;
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
  if (state.terminated) return `Terminated: ${state.terminated.reason ?? `exit code ${state.terminated.exitCode ?? "?"}`}`;
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
    return {
      name: container.name,
      init,
      image: container.image,
      state: status ? describeState(live) : "template",
      ready: live?.ready,
      restarts: live?.restartCount,
      requests: container.resources?.requests,
      limits: container.resources?.limits,
    };
  };
  return [...(spec.initContainers ?? []).map((c) => describe(c, true)), ...(spec.containers ?? []).map((c) => describe(c, false))];
}
