"use client";
import type { KubeObject, Node } from "@/lib/k8s/types";
import type { RelatedDetails } from "@/lib/wire/resources";
import { NodeOverview } from "./NodeOverview";
import { ServiceOverview } from "./ServiceOverview";
import { WorkloadOverview } from "./WorkloadOverview";

const controllerKinds = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);

/** The sections only one kind has: a Service's endpoints, a host's resources and pods, a controller's rollout and pods. */
export function KindOverview({ object, related }: { object: KubeObject; related: RelatedDetails | undefined }) {
  if (object.kind === "Service") return <ServiceOverview service={object} related={related?.kind === "service" ? related : undefined} />;
  if (object.kind === "Node") return <NodeOverview node={object as Node} related={related?.kind === "node" ? related : undefined} />;
  if (object.kind && controllerKinds.has(object.kind)) return <WorkloadOverview workload={object} related={related?.kind === "controller" ? related : undefined} />;
  return null;
}
