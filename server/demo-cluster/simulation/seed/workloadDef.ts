import type { Behavior } from "../kubelet/behavior";
import type { ContainerSpec, PodSpec } from "../objects/types";

export interface ServicePortDef {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: "TCP" | "UDP";
  nodePort?: number;
}

export interface ServiceDef {
  name?: string;
  type?: "ClusterIP" | "NodePort";
  headless?: boolean;
  clusterIP?: string;
  ports: ServicePortDef[];
  labels?: Record<string, string>;
}

/** One workload of the demo cluster, described compactly; seed/materialize turns it into API objects. */
export interface WorkloadDef {
  kind: "Deployment" | "StatefulSet" | "DaemonSet" | "CronJob" | "Job" | "Pod";
  namespace: string;
  name: string;
  replicas?: number;
  /** The selector labels (also on the pods). */
  selector: Record<string, string>;
  /** Further labels on the workload and its pods. */
  labels?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  containers: ContainerSpec[];
  podSpec?: Partial<PodSpec>;
  behavior?: Behavior;
  service?: ServiceDef;
  /** StatefulSet claims: name and size. */
  volumeClaims?: { name: string; storage: string }[];
  schedule?: string;
  backoffLimit?: number;
  /** How long before "now" the workload was created. */
  ageMs: number;
}

interface ContainerOptions {
  cpu?: string;
  memory?: string;
  cpuLimit?: string;
  memoryLimit?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  readiness?: Record<string, unknown> & { initialDelaySeconds?: number; periodSeconds?: number };
  command?: string[];
  args?: string[];
  env?: { name: string; value: string }[];
}

/** A container spec with requests/limits written the way manifests usually write them. */
export function container(name: string, image: string, options: ContainerOptions = {}): ContainerSpec {
  const requests = { ...(options.cpu ? { cpu: options.cpu } : {}), ...(options.memory ? { memory: options.memory } : {}) };
  const limits = { ...(options.cpuLimit ? { cpu: options.cpuLimit } : {}), ...(options.memoryLimit ? { memory: options.memoryLimit } : {}) };
  return {
    name,
    image,
    ...(options.command ? { command: options.command } : {}),
    ...(options.args ? { args: options.args } : {}),
    ...(options.ports ? { ports: options.ports } : {}),
    ...(options.env ? { env: options.env } : {}),
    resources: { ...(Object.keys(limits).length ? { limits } : {}), ...(Object.keys(requests).length ? { requests } : {}) },
    ...(options.readiness ? { readinessProbe: { timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, periodSeconds: 10, ...options.readiness } } : {}),
  };
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
