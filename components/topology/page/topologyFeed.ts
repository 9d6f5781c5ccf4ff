import type { TopologyRequest } from "@/components/live/streamClient";
import type { TopologyEdge, TopologyMessage, TopologyNode } from "@/lib/wire/topology";
import { GraphStore, type Aggregation } from "../model/graphStore";
import { markOnce, topologyMarks } from "../view/paintStats";

/** What the page renders from one topology subscription. */
export interface TopologyFeedState {
  nodes: readonly TopologyNode[];
  edges: readonly TopologyEdge[];
  aggregated: Aggregation;
  /** False until the first snapshot arrived. */
  loaded: boolean;
  /** The graph on screen is not current: the connection dropped or the server is resending. */
  resyncing: boolean;
  /** Live changes are held back; the graph shows the moment of pausing. */
  paused: boolean;
  /** Changes that arrived while paused. */
  pendingChanges: number;
  error?: string;
}

export const initialFeedState: TopologyFeedState = { nodes: [], edges: [], aggregated: undefined, loaded: false, resyncing: false, paused: false, pendingChanges: 0 };

export interface TopologySubscriber {
  subscribeTopology(request: TopologyRequest, handler: { onMessage(message: TopologyMessage): void; onResyncing(): void; onError?(message: string): void }): () => void;
}

/** Keeps a GraphStore current from the stream and publishes immutable states; pausing freezes what is published, not the store. */
export class TopologyFeedModel {
  private readonly store = new GraphStore();
  private state: TopologyFeedState = initialFeedState;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;
  /** Publishing is held while the person drags or zooms the map; changes wait in the store. */
  private held = false;
  private heldChanges = false;

  constructor(private readonly stream: TopologySubscriber) {}

  start(request: TopologyRequest): void {
    this.unsubscribe?.();
    this.publish({ ...this.state, resyncing: this.state.loaded, error: undefined });
    this.unsubscribe = this.stream.subscribeTopology(request, {
      onMessage: (message) => this.apply(message),
      onResyncing: () => this.publish({ ...this.state, resyncing: true }),
      onError: (message) => this.publish({ ...this.state, error: message }),
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  setPaused(paused: boolean): void {
    if (paused === this.state.paused) return;
    if (paused) this.publish({ ...this.state, paused: true });
    else this.publish({ ...this.graphState(), paused: false, pendingChanges: 0 });
  }

  /** Holds back (true) or releases (false) updates for the length of a pan or zoom, so the main thread only moves the picture. */
  setHeld(held: boolean): void {
    this.held = held;
    if (held || !this.heldChanges) return;
    this.heldChanges = false;
    if (!this.state.paused) this.publish({ ...this.graphState(), paused: false, pendingChanges: 0 });
  }

  getState = (): TopologyFeedState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private apply(message: TopologyMessage): void {
    this.store.apply(message);
    const isSnapshot = message.type === "topology-snapshot";
    if (isSnapshot && !this.state.loaded) markOnce(topologyMarks.snapshot);
    if (this.state.paused && !(isSnapshot && !this.state.loaded)) {
      this.publish({ ...this.state, pendingChanges: this.state.pendingChanges + 1, resyncing: false });
      return;
    }
    if (this.held && this.state.loaded) {
      this.heldChanges = true;
      return;
    }
    this.publish({ ...this.graphState(), paused: this.state.paused, pendingChanges: 0 });
  }

  private graphState(): TopologyFeedState {
    return { ...this.state, nodes: this.store.nodes(), edges: this.store.edges(), aggregated: this.store.aggregated, loaded: this.state.loaded || this.store.version > 0, resyncing: false, error: undefined };
  }

  private publish(next: TopologyFeedState): void {
    this.state = next;
    this.listeners.forEach((listener) => listener());
  }
}
