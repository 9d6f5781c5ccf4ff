// Wire protocol for topology subscriptions on /api/stream (issue 5); other engineers code against exactly this.
export type TopologyView = "hosts" | "pods" | "controllers" | "services" | "containers" | "namespaces";
export type TopologyStatus = "running" | "pending" | "crashlooping" | "failed" | "terminating" | "notready" | "succeeded" | "unknown";
export type TopologyKind = "Node" | "Pod" | "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob" | "Unmanaged" | "Service" | "Ingress" | "Container" | "Namespace" | "Group";
export interface TopologyNode {
  id: string;                 // object uid, or a synthetic id such as "group:namespace:shop", "unmanaged:shop", "container:<pod uid>:<name>"
  kind: TopologyKind;
  name: string;
  namespace?: string;
  status: TopologyStatus;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  node?: string;              // pods: the node name
  images?: string[];
  metrics?: { cpuMillicores?: number; memoryBytes?: number; restarts?: number };
  group?: { by: "namespace" | "node" | "controller"; key: string; count: number; worst: TopologyStatus };  // aggregated nodes
}
export interface TopologyEdge { id: string; source: string; target: string; kind: "owns" | "scheduled" | "selects" | "routes" }
// client → server (joins the stream's ClientMessage union):
export interface TopologySubscribe { type: "subscribe"; id: string; resource: "topology"; view: TopologyView; namespaces?: string[]; expand?: string[] /* group ids to expand */ }
// server → client:
export type TopologyMessage =
  | { type: "topology-snapshot"; id: string; nodes: TopologyNode[]; edges: TopologyEdge[]; aggregated?: { by: "namespace" | "node" | "controller"; reason: string; total: number } }
  | { type: "topology-delta"; id: string; upserted: TopologyNode[]; removed: string[]; edgesUpserted: TopologyEdge[]; edgesRemoved: string[] };
