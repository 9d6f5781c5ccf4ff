import type { KubeObject } from "@/server/kube/types";

// Small, realistic objects for tests of the demo apiserver.

export function pod(name: string, options: { namespace?: string; labels?: Record<string, string>; node?: string; ready?: boolean; phase?: string } = {}): KubeObject {
  const ready = options.ready ?? true;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: options.namespace ?? "default", labels: options.labels ?? { app: "web" } },
    spec: { nodeName: options.node ?? "node-1", terminationGracePeriodSeconds: 30, containers: [{ name: "app", image: "nginx:1.27" }] },
    status: {
      phase: options.phase ?? "Running",
      podIP: "10.244.0.9",
      podIPs: [{ ip: "10.244.0.9" }],
      conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
      containerStatuses: [{ name: "app", ready, restartCount: 0, state: { running: { startedAt: "2025-01-01T00:00:00Z" } } }],
    },
  };
}

export function node(name: string, options: { ready?: boolean; unschedulable?: boolean } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name } },
    spec: options.unschedulable ? { unschedulable: true } : {},
    status: {
      conditions: [{ type: "Ready", status: options.ready === false ? "False" : "True" }],
      addresses: [{ type: "InternalIP", address: "10.0.0.11" }],
      nodeInfo: { kubeletVersion: "v1.32.0", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.1.0-18-amd64", containerRuntimeVersion: "containerd://1.7.13" },
    },
  };
}

export function deployment(name: string, replicas: number, namespace = "default"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
    },
    status: { replicas, readyReplicas: replicas, updatedReplicas: replicas, availableReplicas: replicas },
  };
}

export function namespace(name: string): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } };
}
