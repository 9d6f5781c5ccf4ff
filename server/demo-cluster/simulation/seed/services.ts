import type { KubeObject } from "@/server/kube/types";
import { toTimestamp } from "../clock";
import type { ServiceDef, WorkloadDef } from "./workloadDef";

/** A Service for a workload, with the fields the apiserver defaults. */
export function buildService(def: WorkloadDef, service: ServiceDef, clusterIP: string, createdMs: number): KubeObject {
  const type = service.type ?? "ClusterIP";
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: service.name ?? def.name, namespace: def.namespace, creationTimestamp: toTimestamp(createdMs), labels: service.labels ?? { ...def.selector } },
    spec: {
      type,
      clusterIP,
      clusterIPs: [clusterIP],
      ports: service.ports.map((p) => ({ name: p.name, protocol: p.protocol ?? "TCP", port: p.port, targetPort: p.targetPort ?? p.port, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
      selector: { ...def.selector },
      sessionAffinity: "None",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
      ...(type === "NodePort" ? { externalTrafficPolicy: "Cluster" } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/** Hands out ClusterIPs from 10.96.0.0/12 in order, skipping the well-known ones. */
export function clusterIPAllocator(): () => string {
  let next = 20;
  return () => {
    const n = next++;
    return `10.${96 + Math.floor(n / 65536)}.${Math.floor(n / 256) % 256}.${n % 256}`;
  };
}
