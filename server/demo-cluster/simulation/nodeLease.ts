import type { KubeObject } from "../../kube/types";
import type { ObjectStore } from "../store";

const leaseResource = "coordination.k8s.io/leases";
const leaseNamespace = "kube-node-lease";

// Leases carry MicroTime: RFC 3339 with microseconds.
const microTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

/** The kubelet's heartbeat Lease for a node (kubectl describe node shows it); created on first renewal. */
export function renewNodeLease(store: ObjectStore, node: KubeObject, nowMs: number): void {
  const name = node.metadata.name;
  if (!store.get(leaseResource, leaseNamespace, name)) {
    store.create(leaseResource, {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name,
        namespace: leaseNamespace,
        ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid! }],
      },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, acquireTime: microTime(nowMs), renewTime: microTime(nowMs) },
    });
    return;
  }
  store.mutate(leaseResource, leaseNamespace, name, (draft) => {
    (draft.spec as { renewTime: string }).renewTime = microTime(nowMs);
  });
}
