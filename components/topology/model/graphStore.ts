import type { TopologyEdge, TopologyMessage, TopologyNode } from "@/lib/wire/topology";

export type Aggregation = Extract<TopologyMessage, { type: "topology-snapshot" }>["aggregated"];

/** What one message changed, so the caller knows whether to re-run the layout or just repaint. */
export interface GraphChange {
  /** A snapshot replaced the whole graph. */
  reset: boolean;
  addedNodeIds: string[];
  updatedNodeIds: string[];
  removedNodeIds: string[];
  /** Edges were added or removed, which changes the layout's forces. */
  edgesChanged: boolean;
}

/** The client's copy of one topology subscription, kept current from snapshots and deltas. */
export class GraphStore {
  private readonly nodesById = new Map<string, TopologyNode>();
  private readonly edgesById = new Map<string, TopologyEdge>();
  /** Edge ids touching each node id: neighbour look-ups and node removal cost the node's degree, not the graph's size. */
  private readonly edgeIdsByNode = new Map<string, Set<string>>();
  private aggregation: Aggregation;
  /** Bumped on every applied message; cheap change detection for renderers and React. */
  version = 0;

  apply(message: TopologyMessage): GraphChange {
    const change = message.type === "topology-snapshot" ? this.replace(message) : this.applyDelta(message);
    this.version++;
    return change;
  }

  node(id: string): TopologyNode | undefined {
    return this.nodesById.get(id);
  }

  nodes(): TopologyNode[] {
    return [...this.nodesById.values()];
  }

  edges(): TopologyEdge[] {
    return [...this.edgesById.values()];
  }

  get nodeCount(): number {
    return this.nodesById.size;
  }

  get aggregated(): Aggregation {
    return this.aggregation;
  }

  /** Ids joined to `id` by an edge in either direction. */
  neighbours(id: string): ReadonlySet<string> {
    const found = new Set<string>();
    for (const edgeId of this.edgeIdsByNode.get(id) ?? []) {
      const edge = this.edgesById.get(edgeId);
      if (!edge) continue;
      const other = edge.source === id ? edge.target : edge.source;
      if (other !== id) found.add(other);
    }
    return found;
  }

  private replace(snapshot: Extract<TopologyMessage, { type: "topology-snapshot" }>): GraphChange {
    this.nodesById.clear();
    this.edgesById.clear();
    this.edgeIdsByNode.clear();
    for (const node of snapshot.nodes) this.nodesById.set(node.id, node);
    for (const edge of snapshot.edges) this.addEdge(edge);
    this.aggregation = snapshot.aggregated;
    return { reset: true, addedNodeIds: snapshot.nodes.map((node) => node.id), updatedNodeIds: [], removedNodeIds: [], edgesChanged: true };
  }

  private applyDelta(delta: Extract<TopologyMessage, { type: "topology-delta" }>): GraphChange {
    const change: GraphChange = { reset: false, addedNodeIds: [], updatedNodeIds: [], removedNodeIds: [], edgesChanged: false };
    for (const id of delta.edgesRemoved) change.edgesChanged = this.removeEdge(id) || change.edgesChanged;
    for (const id of delta.removed) {
      if (!this.nodesById.delete(id)) continue;
      change.removedNodeIds.push(id);
      // Edges to a removed node go with it, even if the server did not list them.
      change.edgesChanged = this.removeEdgesOf(id) || change.edgesChanged;
    }
    for (const node of delta.upserted) {
      (this.nodesById.has(node.id) ? change.updatedNodeIds : change.addedNodeIds).push(node.id);
      this.nodesById.set(node.id, node);
    }
    for (const edge of delta.edgesUpserted) {
      change.edgesChanged = this.removeEdge(edge.id) || change.edgesChanged;
      this.addEdge(edge);
      change.edgesChanged = true;
    }
    return change;
  }

  private addEdge(edge: TopologyEdge): void {
    this.edgesById.set(edge.id, edge);
    this.attach(edge.source, edge.id);
    this.attach(edge.target, edge.id);
  }

  private removeEdge(id: string): boolean {
    const edge = this.edgesById.get(id);
    if (!edge) return false;
    this.edgesById.delete(id);
    this.edgeIdsByNode.get(edge.source)?.delete(id);
    this.edgeIdsByNode.get(edge.target)?.delete(id);
    return true;
  }

  private removeEdgesOf(nodeId: string): boolean {
    const edgeIds = [...(this.edgeIdsByNode.get(nodeId) ?? [])];
    for (const id of edgeIds) this.removeEdge(id);
    this.edgeIdsByNode.delete(nodeId);
    return edgeIds.length > 0;
  }

  private attach(nodeId: string, edgeId: string): void {
    const set = this.edgeIdsByNode.get(nodeId);
    if (set) set.add(edgeId);
    else this.edgeIdsByNode.set(nodeId, new Set([edgeId]));
  }
}
