import type { ObjectStore } from "../../store";
import { byNodeName, Informer } from "../informer";
import type { Node, Pod } from "../objects/types";

/** The pods and nodes the metrics endpoints read, indexed by node so a kubelet endpoint costs only its own pods. */
export interface UsageIndex {
  node(name: string): Node | undefined;
  nodes(): Node[];
  pod(namespace: string, name: string): Pod | undefined;
  pods(): Pod[];
  podsOnNode(name: string): Pod[];
}

const indexes = new WeakMap<ObjectStore, UsageIndex>();

/** One shared index per store, created on first use and kept current by watches. */
export function usageIndexFor(store: ObjectStore): UsageIndex {
  let index = indexes.get(store);
  if (!index) {
    const pods = new Informer(store, "pods", { node: byNodeName });
    const nodes = new Informer(store, "nodes");
    index = {
      node: (name) => nodes.get(undefined, name) as Node | undefined,
      nodes: () => [...nodes.values()] as Node[],
      pod: (namespace, name) => pods.get(namespace, name) as Pod | undefined,
      pods: () => [...pods.values()] as Pod[],
      podsOnNode: (name) => pods.byIndex("node", name) as Pod[],
    };
    indexes.set(store, index);
  }
  return index;
}
