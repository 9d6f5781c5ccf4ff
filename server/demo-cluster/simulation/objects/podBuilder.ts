import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import { admitPodSpec, qosClassOf } from "./defaults";
import { controllerRefTo } from "./meta";
import type { Pod, PodSpec, PodTemplate } from "./types";

export interface PodBuildInput {
  namespace: string;
  name: string;
  template: PodTemplate;
  /** The controller that owns the pod; bare pods have none. */
  owner?: KubeObject;
  /** Labels added to the template's, e.g. pod-template-hash. */
  labels?: Record<string, string>;
  /** Spec fields set by the controller, e.g. hostname or node affinity. */
  specPatch?: Partial<PodSpec>;
  createdMs: number;
}

/** A Pod as the apiserver stores it right after a controller created it: Pending, not yet scheduled. */
export function buildPod(input: PodBuildInput): Pod {
  const templateMeta = input.template.metadata ?? {};
  const spec = admitPodSpec({ ...input.template.spec, ...input.specPatch });
  const annotations = templateMeta.annotations;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: input.name,
      namespace: input.namespace,
      creationTimestamp: toTimestamp(input.createdMs),
      labels: { ...templateMeta.labels, ...input.labels },
      ...(annotations && Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {}),
      ...(input.owner ? { ownerReferences: [controllerRefTo(input.owner)] } : {}),
    },
    spec,
    status: { phase: "Pending", qosClass: qosClassOf(spec) },
  };
}
