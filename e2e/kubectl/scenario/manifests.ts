import { SUITE_LABEL } from "./namespace";

// The workloads the suite creates for itself, as plain manifests (one `kubectl apply` of a List).

type Manifest = Record<string, unknown>;

export interface ContainerSpec {
  name: string;
  image: string;
  port?: number;
}

interface PodTemplateOptions {
  app: string;
  namespace: string;
  containers: ContainerSpec[];
  annotations?: Record<string, string>;
}

const requests = { cpu: "50m", memory: "32Mi" };

function container(c: ContainerSpec): Manifest {
  return { name: c.name, image: c.image, ...(c.port ? { ports: [{ containerPort: c.port }] } : {}), resources: { requests } };
}

export function labelsFor(app: string, namespace: string): Record<string, string> {
  return { app, [SUITE_LABEL]: namespace };
}

function template({ app, namespace, containers, annotations }: PodTemplateOptions, restartPolicy?: string): Manifest {
  return {
    metadata: { labels: labelsFor(app, namespace), ...(annotations && Object.keys(annotations).length ? { annotations } : {}) },
    spec: { containers: containers.map(container), ...(restartPolicy ? { restartPolicy } : {}) },
  };
}

const meta = (name: string, namespace: string, app = name) => ({ name, namespace, labels: labelsFor(app, namespace) });

export function deployment(name: string, replicas: number, pod: Omit<PodTemplateOptions, "app">): Manifest {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: meta(name, pod.namespace), spec: { replicas, selector: { matchLabels: { app: name } }, template: template({ ...pod, app: name }) } };
}

export function statefulSet(name: string, replicas: number, pod: Omit<PodTemplateOptions, "app">): Manifest {
  return { apiVersion: "apps/v1", kind: "StatefulSet", metadata: meta(name, pod.namespace), spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: template({ ...pod, app: name }) } };
}

export function daemonSet(name: string, pod: Omit<PodTemplateOptions, "app">): Manifest {
  const tpl = template({ ...pod, app: name });
  const spec = { ...(tpl.spec as Manifest), nodeSelector: { "kubernetes.io/os": "linux" } };
  return { apiVersion: "apps/v1", kind: "DaemonSet", metadata: meta(name, pod.namespace), spec: { selector: { matchLabels: { app: name } }, template: { ...tpl, spec } } };
}

export function job(name: string, pod: Omit<PodTemplateOptions, "app">): Manifest {
  return { apiVersion: "batch/v1", kind: "Job", metadata: meta(name, pod.namespace), spec: { backoffLimit: 2, template: template({ ...pod, app: name }, "Never") } };
}

export function cronJob(name: string, schedule: string, pod: Omit<PodTemplateOptions, "app">): Manifest {
  const jobTemplate = { spec: { backoffLimit: 2, template: template({ ...pod, app: name }, "Never") } };
  return { apiVersion: "batch/v1", kind: "CronJob", metadata: meta(name, pod.namespace), spec: { schedule, suspend: false, jobTemplate } };
}

export function barePod(name: string, pod: Omit<PodTemplateOptions, "app"> & { node?: string }): Manifest {
  const tpl = template({ ...pod, app: name });
  return { apiVersion: "v1", kind: "Pod", metadata: { ...meta(name, pod.namespace), ...(tpl.metadata as Manifest) }, spec: { ...(tpl.spec as Manifest), ...(pod.node ? { nodeName: pod.node } : {}) } };
}

export function service(name: string, namespace: string, port: number): Manifest {
  return { apiVersion: "v1", kind: "Service", metadata: meta(name, namespace), spec: { type: "ClusterIP", selector: { app: name }, ports: [{ port, targetPort: port, protocol: "TCP" }] } };
}

export function ingress(name: string, namespace: string, host: string): Manifest {
  const backend = { service: { name, port: { number: 80 } } };
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: meta(name, namespace), spec: { ingressClassName: "nginx", rules: [{ host, http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }] } };
}

export function persistentVolumeClaim(name: string, namespace: string): Manifest {
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: meta(name, namespace), spec: { accessModes: ["ReadWriteOnce"], storageClassName: "standard", resources: { requests: { storage: "1Gi" } } } };
}

export function configMap(name: string, namespace: string, data: Record<string, string>): Manifest {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: meta(name, namespace), data };
}

export function podDisruptionBudget(name: string, namespace: string, minAvailable: number): Manifest {
  return { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta(name, namespace), spec: { minAvailable, selector: { matchLabels: { app: name } } } };
}

/** A stream of JSON objects kubectl applies in one go. Not a v1 List: the demo serves no /openapi/v2, which kubectl validates Lists against. */
export function list(...items: Manifest[]): string {
  return items.map((item) => JSON.stringify(item)).join("\n");
}
