import type { KubeObject, ObjectMeta } from "@/server/kube/types";

// The parts of a Pod that logs and exec read, typed loosely because the store holds plain JSON.

export interface EnvVarView {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string };
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
    resourceFieldRef?: { resource: string };
  };
}

export interface ContainerSpecView {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVarView[];
  workingDir?: string;
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

export interface TerminatedView {
  exitCode?: number;
  reason?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}

export interface ContainerStateView {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: TerminatedView;
}

export interface ContainerStatusView {
  name: string;
  image?: string;
  state?: ContainerStateView;
  lastState?: ContainerStateView;
  restartCount?: number;
}

export interface PodView {
  metadata: ObjectMeta;
  spec: {
    containers: ContainerSpecView[];
    initContainers: ContainerSpecView[];
    nodeName?: string;
    hostname?: string;
    serviceAccountName?: string;
  };
  status: {
    phase?: string;
    podIP?: string;
    hostIP?: string;
    containerStatuses: ContainerStatusView[];
    initContainerStatuses: ContainerStatusView[];
  };
}

/** A container of the pod with its status, if the kubelet reported one. */
export interface PodContainer {
  spec: ContainerSpecView;
  status?: ContainerStatusView;
  init: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});
const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Normalises a stored pod so that missing lists read as empty ones. */
export function toPodView(object: KubeObject): PodView {
  const spec = asRecord(object.spec);
  const status = asRecord(object.status);
  return {
    metadata: object.metadata,
    spec: {
      ...(spec as Partial<PodView["spec"]>),
      containers: asArray(spec.containers),
      initContainers: asArray(spec.initContainers),
    },
    status: {
      ...(status as Partial<PodView["status"]>),
      containerStatuses: asArray(status.containerStatuses),
      initContainerStatuses: asArray(status.initContainerStatuses),
    },
  };
}

/** Every container name in the order Kubernetes lists them: init containers first. */
export function containerNames(pod: PodView): string[] {
  return [...pod.spec.initContainers, ...pod.spec.containers].map((c) => c.name);
}

export function findContainer(pod: PodView, name: string): PodContainer | undefined {
  const regular = pod.spec.containers.find((c) => c.name === name);
  if (regular) return { spec: regular, status: pod.status.containerStatuses.find((s) => s.name === name), init: false };
  const init = pod.spec.initContainers.find((c) => c.name === name);
  if (init) return { spec: init, status: pod.status.initContainerStatuses.find((s) => s.name === name), init: true };
  return undefined;
}

/** Parses a Kubernetes timestamp; undefined when absent or malformed. */
export function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
