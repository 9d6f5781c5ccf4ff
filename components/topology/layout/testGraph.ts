import type { LayoutEdgeInput, LayoutNodeInput } from "./simulate";

/** A cluster-shaped graph for layout tests: hosts, pods scheduled on them, controllers owning the pods. */
export function buildClusterGraph(podCount: number, firstPod = 0): { nodes: LayoutNodeInput[]; edges: LayoutEdgeInput[] } {
  const hostCount = Math.max(1, Math.round(podCount / 20));
  const controllerCount = Math.max(1, Math.round(podCount / 5));
  const nodes: LayoutNodeInput[] = [];
  const edges: LayoutEdgeInput[] = [];
  for (let h = 0; h < hostCount; h++) nodes.push({ id: `host-${h}` });
  for (let c = 0; c < controllerCount; c++) nodes.push({ id: `controller-${c}` });
  for (let p = firstPod; p < firstPod + podCount; p++) {
    nodes.push({ id: `pod-${p}` });
    edges.push({ source: `pod-${p}`, target: `host-${p % hostCount}` });
    edges.push({ source: `controller-${p % controllerCount}`, target: `pod-${p}` });
  }
  return { nodes, edges };
}
