import type { KubeObject } from "../types";

// Realistic shapes (as kube-apiserver stores them, minus managedFields) for filling a cluster in benchmarks.

const started = "2024-05-01T10:00:00Z";

export function benchNode(index: number): KubeObject {
  const name = `bench-node-${index}`;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "topology.kubernetes.io/zone": `zone-${index % 3}` }, creationTimestamp: started },
    spec: { podCIDR: `10.${100 + (index >> 8)}.${index & 255}.0/24` },
    status: {
      capacity: { cpu: "8", memory: "32Gi", pods: "110", "ephemeral-storage": "100Gi" },
      allocatable: { cpu: "7800m", memory: "31Gi", pods: "110", "ephemeral-storage": "95Gi" },
      conditions: ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"].map((type) => ({
        type, status: type === "Ready" ? "True" : "False", lastHeartbeatTime: started, lastTransitionTime: started, reason: `Kubelet${type === "Ready" ? "Ready" : `HasNo${type}`}`, message: "kubelet is posting ready status",
      })),
      addresses: [{ type: "InternalIP", address: `10.0.${index >> 8}.${index & 255}` }, { type: "Hostname", address: name }],
      nodeInfo: { kubeletVersion: "v1.31.0", containerRuntimeVersion: "containerd://1.7.20", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.1.0-21-amd64", operatingSystem: "linux", architecture: "amd64" },
    },
  };
}

export function benchPod(index: number, nodeCount: number): KubeObject {
  const app = `app-${index % 200}`;
  const name = `${app}-7d9f8c6b5-${index.toString(36).padStart(5, "0")}`;
  const namespace = `team-${index % 20}`;
  const container = { name: "main", image: `registry.example.com/${app}:1.4.2`, ports: [{ containerPort: 8080, protocol: "TCP" }], resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } }, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", imagePullPolicy: "IfNotPresent" };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name, namespace, creationTimestamp: started, generateName: `${app}-7d9f8c6b5-`,
      labels: { app, "pod-template-hash": "7d9f8c6b5" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `${app}-7d9f8c6b5`, uid: `bench-rs-${index % 200}`, controller: true, blockOwnerDeletion: true }],
    },
    spec: { nodeName: `bench-node-${index % nodeCount}`, containers: [container], restartPolicy: "Always", terminationGracePeriodSeconds: 30, dnsPolicy: "ClusterFirst", serviceAccountName: "default", schedulerName: "default-scheduler", priority: 0, enableServiceLinks: true },
    status: {
      phase: "Running", qosClass: "Burstable", hostIP: `10.0.${(index % nodeCount) >> 8}.${index % nodeCount & 255}`, podIP: `10.${100 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`, startTime: started,
      conditions: ["Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True", lastProbeTime: null, lastTransitionTime: started })),
      containerStatuses: [{ name: "main", ready: true, started: true, restartCount: 0, image: container.image, imageID: `${container.image}@sha256:${index.toString(16).padStart(8, "0")}`, containerID: `containerd://${index.toString(16).padStart(16, "0")}`, state: { running: { startedAt: started } }, lastState: {} }],
    },
  };
}
