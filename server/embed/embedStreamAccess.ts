import { noUsage, type ListScope, type UsageScope } from "../access/types";
import type { StreamAccess } from "../stream/streamAccess";
import { embedLimitOf } from "./embedScope";

const nowhere: ListScope = Object.freeze({ all: false, namespaces: new Set<string>() });

/**
 * An embed token's stream reads only what its view reads: the view's kinds, in the namespaces its link
 * pins, and never more than the person who made the token may list.
 */
export function limitToEmbedScope(access: StreamAccess, scope: string): StreamAccess {
  const limited = (kind: string, granted: ListScope): ListScope => {
    const limit = embedLimitOf(scope, kind);
    if (limit === "none") return nowhere;
    if (limit === "any") return granted;
    const namespaces = granted.all ? new Set(limit) : new Set([...granted.namespaces].filter((ns) => limit.has(ns)));
    return { all: false, namespaces };
  };
  return {
    async listScope(kind) {
      return embedLimitOf(scope, kind) === "none" ? nowhere : limited(kind, await access.listScope(kind));
    },
    // Usage shows beside the pods and hosts the view reads, and never beyond what the token's maker may see.
    async usageScope(): Promise<UsageScope> {
      const granted = (await access.usageScope?.()) ?? noUsage;
      return { pods: limited("pods", granted.pods), nodes: granted.nodes && embedLimitOf(scope, "nodes") !== "none" };
    },
  };
}
