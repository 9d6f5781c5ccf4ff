import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import { controllerRefTo } from "./meta";
import type { PodTemplate } from "./types";

export const REVISION_HASH_LABEL = "controller-revision-hash";

/** A ControllerRevision: the saved template of one StatefulSet or DaemonSet revision. */
export function buildControllerRevision(owner: KubeObject, name: string, hashLabel: string, revision: number, template: PodTemplate, createdMs: number): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      creationTimestamp: toTimestamp(createdMs),
      labels: { ...template.metadata?.labels, [REVISION_HASH_LABEL]: hashLabel },
      ownerReferences: [controllerRefTo(owner)],
    },
    data: { spec: { template: { ...template, $patch: "replace" } } },
    revision,
  };
}
