// Browser-side views of Kubernetes objects: only the fields Orrery reads, all optional as the API allows.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

/** Any object as it arrives over the stream (managedFields already removed). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ContainerStateView {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; message?: string; finishedAt?: string };
}

export interface ContainerStatusView {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  state?: ContainerStateView;
  lastState?: ContainerStateView;
}

export interface ResourceRequirementsView {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface ContainerView {
  name: string;
  image?: string;
  resources?: ResourceRequirementsView;
  /** "Always" on an init container makes it a sidecar. */
  restartPolicy?: string;
}

export interface ConditionView {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface Pod extends KubeObject {
  spec?: { nodeName?: string; containers?: ContainerView[]; initContainers?: ContainerView[] };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    conditions?: ConditionView[];
    containerStatuses?: ContainerStatusView[];
    initContainerStatuses?: ContainerStatusView[];
  };
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: ConditionView[];
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
    nodeInfo?: { kubeletVersion?: string };
    addresses?: { type: string; address: string }[];
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  nodePort?: number;
  targetPort?: number | string;
}

export interface Service extends KubeObject {
  spec?: { type?: string; clusterIP?: string; ports?: ServicePort[]; selector?: Record<string, string> };
}

export interface EndpointSlice extends KubeObject {
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean } }[];
}

/** Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs, read loosely. */
export interface Workload extends KubeObject {
  spec?: { replicas?: number; completions?: number; parallelism?: number; schedule?: string; suspend?: boolean };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    desiredNumberScheduled?: number;
    numberReady?: number;
    succeeded?: number;
    failed?: number;
    active?: number | unknown[];
    lastScheduleTime?: string;
  };
}

export interface KubeEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  source?: { component?: string; host?: string };
  series?: { count?: number; lastObservedTime?: string };
}
