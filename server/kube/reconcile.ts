import type { KindStore } from "./kindStore";
import type { KubeObject, WatchEventType } from "./types";

/** One change to a kind's store. For DELETED, `previous` is the instance that was cached. */
export interface ObjectChange {
  type: WatchEventType;
  object: KubeObject;
  previous?: KubeObject;
}

/**
 * Makes `store` hold exactly `items` and says what changed, so a relist leaves no ghosts and no duplicates.
 * Objects whose resourceVersion did not move are kept as they are and not reported.
 */
export function reconcile(store: KindStore, items: readonly KubeObject[]): ObjectChange[] {
  const changes: ObjectChange[] = [];
  const listed = new Set<KubeObject>();
  for (const item of items) {
    const current = store.get(item.metadata.namespace, item.metadata.name);
    if (current && sameVersion(current, item)) {
      listed.add(current);
      continue;
    }
    store.set(item);
    listed.add(item);
    if (!current) changes.push({ type: "ADDED", object: item });
    else if (current.metadata.uid !== item.metadata.uid) {
      // Same name, new uid: the old object was deleted and another created while we were not watching.
      changes.push({ type: "DELETED", object: current, previous: current }, { type: "ADDED", object: item });
    } else changes.push({ type: "MODIFIED", object: item, previous: current });
  }
  const ghosts = [...store.values()].filter((object) => !listed.has(object));
  for (const ghost of ghosts) {
    store.delete(ghost.metadata.namespace, ghost.metadata.name);
    changes.push({ type: "DELETED", object: ghost, previous: ghost });
  }
  return changes;
}

/** Applies one watch event to `store`; returns the changes to report (none when nothing moved). */
export function applyWatchEvent(store: KindStore, type: WatchEventType, object: KubeObject): ObjectChange[] {
  const { namespace, name } = object.metadata;
  if (type === "DELETED") {
    const previous = store.delete(namespace, name);
    return previous ? [{ type, object, previous }] : [];
  }
  const current = store.get(namespace, name);
  if (current && sameVersion(current, object)) return [];
  store.set(object);
  if (!current) return [{ type: "ADDED", object }];
  if (current.metadata.uid !== object.metadata.uid) return [{ type: "DELETED", object: current, previous: current }, { type: "ADDED", object }];
  return [{ type: "MODIFIED", object, previous: current }];
}

function sameVersion(a: KubeObject, b: KubeObject): boolean {
  return a.metadata.resourceVersion === b.metadata.resourceVersion && a.metadata.uid === b.metadata.uid;
}
