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
