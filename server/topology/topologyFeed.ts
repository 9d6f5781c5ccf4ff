import type { TopologyMessage, TopologySubscribe } from "@/lib/wire/topology";
import type { ResourceKind } from "../kube/resources";
import type { UsageSource } from "../kube/usage/usageLookup";
import { visibleUsage } from "../kube/usage/visibleUsage";
import { noUsage, type UsageScope } from "../access/types";
import type { CacheView } from "../stream/cacheView";
import type { ListScope } from "../stream/streamAccess";
import { log } from "../log";
import { aggregate, DEFAULT_AGGREGATE_THRESHOLD, groupingFor, type AggregatedGraph } from "./aggregate";
import { sourceFromCache } from "./cacheSource";
import { diffGraphs, isEmptyDelta } from "./diff";
import { sharedViewKey, type SharedViews } from "./sharedViews";
import { buildGraph } from "./views";

/** What a feed needs from its connection. */
export interface TopologyFeedHost {
  cache: CacheView;
  /** The person's list scope of a kind; undefined while unknown (nothing of it is shown). */
  scopeOf(kind: ResourceKind): ListScope | undefined;
  /** Where the person may see CPU and memory (metrics.k8s.io); undefined while unknown (none is shown). */
  usageScope(): UsageScope | undefined;
  send(text: string, isSnapshot: boolean): void;
  /** True while the socket has too much unsent: frames wait, and coalesce meanwhile. */
  isBehind(): boolean;
}

export interface TopologyOptions {
  /** Above this many nodes a view is grouped (default 15,000: DEFAULT_AGGREGATE_THRESHOLD). */
  threshold: number;
  /** At most one frame per this many ms per subscription (default 250: 4 frames a second). */
  frameMs: number;
  /** Where pods' and hosts' CPU and memory are read; without it map nodes carry none. */
  usage?: Pick<UsageSource, "lookup">;
  /** Views computed once for every feed that shows the same thing; without it each feed computes its own. */
  shared?: SharedViews;
}

export const defaultTopologyOptions: TopologyOptions = { threshold: DEFAULT_AGGREGATE_THRESHOLD, frameMs: 250 };

type Snapshot = Extract<TopologyMessage, { type: "topology-snapshot" }>;
type Delta = Extract<TopologyMessage, { type: "topology-delta" }>;

const BEATS_PER_FRAME = 5;

// A view that takes 100 ms to recompute is recomputed at most every 400 ms.
const slowViewFactor = 4;

const sameAggregation = (a: AggregatedGraph, b: AggregatedGraph) => a.aggregated?.by === b.aggregated?.by;

/** One topology subscription: a snapshot, then at most one delta per frame, recomputed from the cache when it changed. */
export class TopologyFeed {
  private last: AggregatedGraph | undefined;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private lastFrameAt = 0;
  /** At least frameMs; more when recomputing the view is slow, so a huge view cannot hog the server. */
  private gapMs: number;
  private stopped = false;

  constructor(
    readonly request: TopologySubscribe,
    private readonly host: TopologyFeedHost,
    private readonly options: TopologyOptions = defaultTopologyOptions,
  ) {
    this.gapMs = options.frameMs;
  }

  get id(): string {
    return this.request.id;
  }

  /** The view as the person may see it now. */
  compute(): AggregatedGraph {
    const { shared, threshold, frameMs } = this.options;
    const scopeOf = (kind: ResourceKind) => this.host.scopeOf(kind);
    const usageScope = this.host.usageScope() ?? noUsage;
    const started = Date.now();
    const build = () => this.build(usageScope);
    // The usage rights are part of the key: people with the same list scopes but other metrics rights never share a view.
    const view = shared ? shared.get(sharedViewKey(this.request, threshold, scopeOf, usageScope), build) : { graph: build(), costMs: Date.now() - started };
    this.lastFrameAt = Date.now();
    this.gapMs = Math.max(frameMs, view.costMs * slowViewFactor);
    return view.graph;
  }

  private build(usageScope: UsageScope): AggregatedGraph {
    const { view, namespaces, expand } = this.request;
    const usage = this.options.usage ? visibleUsage(this.options.usage.lookup(), usageScope) : undefined;
    const graph = buildGraph(view, sourceFromCache(this.host.cache, (kind) => this.host.scopeOf(kind), namespaces, usage));
    const by = groupingFor(view, (namespaces ?? []).length > 0);
    return aggregate(graph, { threshold: this.options.threshold, by, expand });
  }

  sendSnapshot(): void {
    if (this.stopped) return;
    const graph = this.compute();
    const message: Snapshot = { type: "topology-snapshot", id: this.id, nodes: graph.nodes, edges: graph.edges };
    if (graph.aggregated) message.aggregated = graph.aggregated;
    this.dirty = false;
    this.last = graph;
    this.host.send(JSON.stringify(message), true);
  }

  /** The cache, the usage samples or the person's access changed: a frame is owed. */
  changed(): void {
    if (this.stopped || this.last === undefined) return;
    this.dirty = true;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(wait = Math.max(0, this.lastFrameAt + this.gapMs - Date.now())): void {
    if (this.timer || this.stopped) return;
    // Frames fall on a shared beat (a fifth of a frame), so feeds showing the same view mostly compute it
    // once: at most five phases however many tabs, for at most a fifth of a frame of extra delay.
    const now = Date.now();
    const beatMs = Math.max(1, this.options.frameMs / BEATS_PER_FRAME);
    const due = Math.ceil((now + wait) / beatMs) * beatMs;
    this.timer = setTimeout(() => this.flush(), due - now);
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    if (!this.dirty || this.stopped) return;
    if (this.host.isBehind()) return this.schedule(this.options.frameMs);
    try {
      this.sendFrame();
    } catch (err) {
      log.error({ err, view: this.request.view }, "could not recompute a topology view");
    }
  }

  private sendFrame(): void {
    const next = this.compute();
    const previous = this.last!;
    // Grouping switching on or off changes what the snapshot says about the view: send it whole.
    if (!sameAggregation(previous, next)) return this.sendSnapshot();
    this.dirty = false;
    this.last = next;
    const delta = diffGraphs(previous, next);
    if (isEmptyDelta(delta)) return;
    const message: Delta = { type: "topology-delta", id: this.id, ...delta };
    this.host.send(JSON.stringify(message), false);
  }
}
