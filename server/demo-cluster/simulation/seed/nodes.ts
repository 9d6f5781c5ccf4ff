import { toTimestamp } from "../clock";
import { digestOf } from "../kubelet/containerStatus";
import type { Node } from "../objects/types";

export interface NodeShape {
  cpu: number;
  memoryGi: number;
  pods: number;
  instanceType: string;
}

const machineTypes = [2, 4, 8, 16, 32, 64, 96, 128].map((cpu) => ({ cpu, memoryGi: cpu * 4, instanceType: `standard-${cpu}` }));
const zones = ["demo-1a", "demo-1b", "demo-1c"];
const GiKi = 1024 * 1024;

/** The smallest machine type that fits the per-node need with headroom; pod slots follow density. */
export function chooseNodeShape(cpuPerNode: number, memoryBytesPerNode: number, podsPerNode: number): NodeShape {
  const need = (x: number) => x * 1.4;
  const type = machineTypes.find((m) => m.cpu >= need(cpuPerNode) && m.memoryGi * 2 ** 30 >= need(memoryBytesPerNode)) ?? machineTypes[machineTypes.length - 1]!;
  const slots = [110, 250, 500, 1000].find((n) => n >= podsPerNode * 1.25) ?? Math.ceil(podsPerNode * 1.25);
  return { ...type, pods: slots };
}

export function nodeName(index: number): string {
  return `node-${index + 1}`;
}

/** The node's InternalIP: 10.0.x.y, spread so that 20,000 nodes still fit. */
export function nodeIP(index: number): string {
  return `10.0.${Math.floor(index / 200)}.${10 + (index % 200)}`;
}

/** One /24 per node: the classic 10.244.N.0/24 up to 256 nodes, 10.128.0.0/9 beyond. */
export function podCIDR(index: number, total: number): string {
  return total <= 256 ? `10.244.${index}.0/24` : `10.${128 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

function uuidFrom(key: string): string {
  const h = digestOf(key);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function conditions(createdMs: number, nowMs: number) {
  const since = toTimestamp(createdMs + 30_000);
  const heartbeat = toTimestamp(nowMs);
  const c = (type: string, status: "True" | "False", reason: string, message: string) => ({ type, status, lastHeartbeatTime: heartbeat, lastTransitionTime: since, reason, message });
  return [
    c("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
    c("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
    c("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
    c("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
  ];
}

/** A Node as a kubeadm-installed kubelet registers it; the first one is the control plane. */
export function buildNode(index: number, total: number, shape: NodeShape, createdMs: number, nowMs: number): Node {
  const name = nodeName(index);
  const controlPlane = index === 0;
  const memoryKi = shape.memoryGi * GiKi - 250_000;
  const cidr = podCIDR(index, total);
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      creationTimestamp: toTimestamp(createdMs),
      labels: {
        "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": shape.instanceType, "topology.kubernetes.io/region": "demo-1", "topology.kubernetes.io/zone": zones[index % zones.length]!,
        ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
      },
      annotations: { "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock", "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], ...(controlPlane && total > 1 ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}) },
    status: {
      capacity: { cpu: String(shape.cpu), "ephemeral-storage": "101430960Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${memoryKi}Ki`, pods: String(shape.pods) },
      allocatable: { cpu: String(shape.cpu), "ephemeral-storage": "93478772582", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${memoryKi - 102_400}Ki`, pods: String(shape.pods) },
      conditions: conditions(createdMs, nowMs),
      addresses: [{ type: "InternalIP", address: nodeIP(index) }, { type: "Hostname", address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: digestOf(`${name}/machine`).slice(0, 32), systemUUID: uuidFrom(`${name}/system`), bootID: uuidFrom(`${name}/boot`),
        kernelVersion: "6.1.0-31-cloud-amd64", osImage: "Debian GNU/Linux 12 (bookworm)", containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.2", kubeProxyVersion: "v1.32.2", operatingSystem: "linux", architecture: "amd64",
      },
    },
  };
}
