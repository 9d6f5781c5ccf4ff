import { toTimestamp } from "../clock";
import type { Node, Pod } from "../objects/types";
import { unitHash } from "../random";
import { smoothTotal } from "../usage";
import type { NodeUsage, PodUsage } from "./podUsage";

// The kubelet's /stats/summary (stats/v1alpha1) for one node.

const GiB = 2 ** 30;

function fsStats(time: string, capacityBytes: number, usedBytes: number, inodes = 6_553_600) {
  const inodesUsed = Math.round(Math.min(inodes - 1, usedBytes / 16_384));
  return { time, availableBytes: Math.max(0, capacityBytes - usedBytes), capacityBytes, usedBytes, inodesFree: inodes - inodesUsed, inodes, inodesUsed };
}

function memoryStats(time: string, workingSet: number, limit?: number) {
  return {
    time,
    ...(limit ? { availableBytes: Math.max(0, Math.round(limit - workingSet)) } : {}),
    usageBytes: Math.round(workingSet * 1.12),
    workingSetBytes: Math.round(workingSet),
    rssBytes: Math.round(workingSet * 0.86),
    pageFaults: Math.round(workingSet / 1500),
    majorPageFaults: Math.round(workingSet / 2e6),
  };
}

const cpuStats = (time: string, cores: number, seconds: number) => ({ time, usageNanoCores: Math.round(cores * 1e9), usageCoreNanoSeconds: Math.round(seconds * 1e9) });

function network(time: string, rxBytes: number, txBytes: number) {
  const iface = { name: "eth0", rxBytes, rxErrors: 0, txBytes, txErrors: 0 };
  return { time, ...iface, interfaces: [iface] };
}

function podStats(usage: PodUsage, time: string, nodeFs: ReturnType<typeof fsStats>) {
  const pod: Pod = usage.pod;
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const containers = usage.containers.map((c) => {
    const rootfsUsed = Math.round(40_960 + 8 * 2 ** 20 * unitHash(key, c.name, "rootfs"));
    const logsUsed = Math.round(4_096 + ((Date.parse(time) - c.startedMs) / 1000) * 40);
    return {
      name: c.name,
      startTime: toTimestamp(c.startedMs),
      cpu: cpuStats(time, c.cpuCores, c.cpuSeconds),
      memory: memoryStats(time, c.memoryBytes, c.memoryLimitBytes),
      rootfs: { ...nodeFs, usedBytes: rootfsUsed, inodesUsed: 12 },
      logs: { ...nodeFs, usedBytes: logsUsed, inodesUsed: 1 },
    };
  });
  const ephemeral = containers.reduce((s, c) => s + c.rootfs.usedBytes + c.logs.usedBytes, 0);
  const claims = (pod.spec.volumes ?? []).filter((v) => v.persistentVolumeClaim) as { name: string; persistentVolumeClaim: { claimName: string } }[];
  return {
    podRef: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
    startTime: toTimestamp(usage.startMs),
    containers,
    cpu: cpuStats(time, usage.cpuCores, usage.cpuSeconds),
    memory: memoryStats(time, usage.memoryBytes),
    network: network(time, usage.rxBytes, usage.txBytes),
    volume: claims.map((v) => ({ ...fsStats(time, GiB, Math.round(GiB * (0.05 + 0.3 * unitHash(key, v.name))), 65_536), name: v.name, pvcRef: { name: v.persistentVolumeClaim.claimName, namespace: pod.metadata.namespace } })),
    "ephemeral-storage": { ...nodeFs, usedBytes: ephemeral, inodesUsed: 12 * containers.length },
    process_stats: { process_count: 1 + Math.floor(12 * unitHash(key, "processes")) },
  };
}

/** The Summary API answer of one node's kubelet at `atMs`. */
export function buildSummary(node: Node, usage: NodeUsage, atMs: number) {
  const time = toTimestamp(atMs);
  const name = node.metadata.name;
  const fsCapacity = 103_865_303_040;
  const nodeFs = fsStats(time, fsCapacity, Math.round(fsCapacity * (0.2 + 0.25 * unitHash(name, "disk"))));
  const rxBase = 100_000 + 2_000_000 * unitHash(name, "rx");
  const startTime = toTimestamp(usage.bootMs);
  const podsCpu = usage.cpuCores - usage.systemCpuCores;
  const podsMemory = usage.memoryWorkingSetBytes - usage.systemMemoryBytes;
  return {
    node: {
      nodeName: name,
      systemContainers: [
        { name: "kubelet", startTime, cpu: cpuStats(time, usage.systemCpuCores * 0.4, usage.cpuSeconds * 0.05), memory: memoryStats(time, usage.systemMemoryBytes * 0.3) },
        { name: "runtime", startTime, cpu: cpuStats(time, usage.systemCpuCores * 0.3, usage.cpuSeconds * 0.04), memory: memoryStats(time, usage.systemMemoryBytes * 0.25) },
        { name: "pods", startTime, cpu: cpuStats(time, podsCpu, usage.cpuSeconds * 0.8), memory: memoryStats(time, podsMemory, usage.memoryCapacityBytes) },
      ],
      startTime,
      cpu: cpuStats(time, usage.cpuCores, usage.cpuSeconds),
      memory: memoryStats(time, usage.memoryWorkingSetBytes, usage.memoryCapacityBytes),
      network: network(time, Math.round(smoothTotal(`${name}/rx`, rxBase, usage.bootMs, atMs)), Math.round(smoothTotal(`${name}/tx`, rxBase * 0.8, usage.bootMs, atMs))),
      fs: nodeFs,
      runtime: { imageFs: { ...nodeFs, usedBytes: Math.round(fsCapacity * 0.08) }, containerFs: nodeFs },
      rlimit: { time, maxpid: 4_194_304, curproc: 180 + 12 * usage.pods.length },
    },
    pods: usage.pods.map((p) => podStats(p, time, nodeFs)),
  };
}
