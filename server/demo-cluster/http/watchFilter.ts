import type { KubeObject, WatchEventType } from "@/server/kube/types";
import type { StoreEvent } from "../store";
import type { ObjectMatcher } from "./listPage";

/**
 * What a selector-filtered watcher sees of a store change: a modified object that starts matching
 * arrives as ADDED, one that stops matching as DELETED (with its new state), as kube-apiserver does.
 */
export function visibleChange(event: StoreEvent, matches: ObjectMatcher): { type: WatchEventType; object: KubeObject } | undefined {
  const now = matches(event.object);
  if (event.type !== "MODIFIED") return now ? { type: event.type, object: event.object } : undefined;
  const before = event.previous ? matches(event.previous) : now;
  if (now && before) return { type: "MODIFIED", object: event.object };
  if (now) return { type: "ADDED", object: event.object };
  if (before) return { type: "DELETED", object: event.object };
  return undefined;
}

/** Namespace scoping plus label and field selectors. */
export function scopedMatcher(namespace: string | undefined, matches: ObjectMatcher): ObjectMatcher {
  if (namespace === undefined) return matches;
  return (o) => o.metadata.namespace === namespace && matches(o);
}
