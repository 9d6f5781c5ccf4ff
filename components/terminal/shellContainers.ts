import { containerNotRunning } from "@/lib/k8s/containerNotRunning";
import type { KubeObject, Pod } from "@/lib/k8s/types";

export interface ShellContainers {
  names: string[];
  /** The one kubectl would pick: the default-container annotation when it names one, else the first. */
  initial?: string;
}

const defaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

/** The pod's app containers a shell can be opened in (init containers have finished by then). */
export function shellContainers(object: KubeObject): ShellContainers {
  const names = ((object as Pod).spec?.containers ?? []).map((container) => container.name);
  const annotated = object.metadata.annotations?.[defaultContainerAnnotation];
  return { names, initial: annotated && names.includes(annotated) ? annotated : names[0] };
}

/** Why no shell can start in this pod now, worded for a person; undefined when one can. */
export function shellUnavailableReason(object: KubeObject): string | undefined {
  const phase = (object as Pod).status?.phase;
  if (phase === "Pending") return "The pod is pending: its containers have not started yet.";
  if (phase === "Succeeded") return "The pod has completed: its containers have stopped.";
  if (phase === "Failed") return "The pod has failed: its containers have stopped.";
  // Only when no container runs: with one running, the dialog offers it and says why the others cannot.
  const { names, initial } = shellContainers(object);
  const stopped = names.map((name) => containerNotRunning(object as Pod, name));
  if (names.length > 0 && stopped.every(Boolean)) return `No shell: ${stopped[Math.max(0, names.indexOf(initial ?? ""))]}.`;
  return undefined;
}

/** Why no shell can start in this one container now (it is waiting or has terminated); undefined when one can. */
export function containerShellUnavailableReason(object: KubeObject, container: string | undefined): string | undefined {
  const stopped = container ? containerNotRunning(object as Pod, container) : undefined;
  return stopped ? `No shell: ${stopped}.` : undefined;
}
