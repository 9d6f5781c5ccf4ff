import type { TopologySubscribe } from "@/lib/wire/topology";
import type { ListScope, UsageScope } from "../access/types";
import type { AggregatedGraph } from "./aggregate";
import { topologyKinds, type TopologyKindName } from "./source";

// Many tabs often show the same view to people with the same rights: it is computed once per change, not once per tab.

export interface SharedView {
  graph: AggregatedGraph;
  /** What computing it cost, so every feed showing it paces itself by the real cost. */
  costMs: number;
}

/** Views by what decides their content, for the current state of the cache and usage samples. */
export class SharedViews {
  private version = 0;
  private readonly entries = new Map<string, SharedView & { version: number }>();
  computed = 0;

  constructor(private readonly maxEntries = 32) {}

  /** The cache or the usage samples changed: every view is recomputed on its next request. */
  invalidate(): void {
    this.version++;
  }

  get(key: string, compute: () => AggregatedGraph): SharedView {
    const found = this.entries.get(key);
    if (found && found.version === this.version) {
      // Most recently used last, so the oldest is the first to go.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const started = performance.now();
    const graph = compute();
    this.computed++;
    const entry = { graph, costMs: performance.now() - started, version: this.version };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

const scopeKey = (scope: ListScope | undefined) => (scope === undefined ? "?" : scope.all ? "*" : [...scope.namespaces].sort().join(","));

/**
 * Everything a view's content depends on besides the cluster: the request, the grouping threshold, the person's
 * list scopes and where they may see usage.
 */
export function sharedViewKey(request: Pick<TopologySubscribe, "view" | "namespaces" | "expand">, threshold: number, scopeOf: (kind: TopologyKindName) => ListScope | undefined, usage: UsageScope): string {
  const namespaces = [...(request.namespaces ?? [])].sort().join(",");
  const expand = [...(request.expand ?? [])].sort().join(",");
  const scopes = topologyKinds.map((kind) => scopeKey(scopeOf(kind))).join("|");
  const usageKey = `${scopeKey(usage.pods)}|${usage.nodes ? "nodes" : ""}`;
  return JSON.stringify([request.view, namespaces, expand, threshold, scopes, usageKey]);
}
