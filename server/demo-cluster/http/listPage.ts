import type { KubeObject } from "@/server/kube/types";
import { encodeContinue, type ContinueToken } from "./continueToken";
import { matchesFields, type FieldRequirement } from "./fieldSelector";
import { matchesLabels, type LabelRequirement } from "./labelSelector";

export type ObjectMatcher = (object: KubeObject) => boolean;

/** One predicate for label and field selectors; the common no-selector case costs nothing. */
export function objectMatcher(labels: readonly LabelRequirement[], fields: readonly FieldRequirement[]): ObjectMatcher {
  if (labels.length === 0 && fields.length === 0) return () => true;
  return (o) => matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o);
}

/** etcd's key order: namespace, then name. */
export function sortKey(object: KubeObject): string {
  return `${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

export interface Page {
  items: KubeObject[];
  continueToken?: string;
  /** Set only when no selector filtered the list, as kube-apiserver does. */
  remainingItemCount?: number;
}

interface PageRequest {
  matches: ObjectMatcher;
  filtered: boolean;
  /** 0 means everything. */
  limit: number;
  continueFrom?: ContinueToken;
  /** The resourceVersion the next page's token carries. */
  listRV: number;
}

/** Sorts by key and cuts one page after the continue key; O(n log n) per request, no per-item copies. */
export function selectPage(objects: readonly KubeObject[], request: PageRequest): Page {
  const keyed = objects.map((o) => ({ key: sortKey(o), object: o }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let index = request.continueFrom ? firstAfter(keyed, request.continueFrom.after) : 0;
  const items: KubeObject[] = [];
  let lastKey = "";
  for (; index < keyed.length; index++) {
    if (request.limit > 0 && items.length === request.limit) break;
    const entry = keyed[index]!;
    if (!request.matches(entry.object)) continue;
    items.push(entry.object);
    lastKey = entry.key;
  }
  const more = request.limit > 0 && items.length === request.limit && anyMatchFrom(keyed, index, request.matches);
  if (!more) return { items };
  const page: Page = { items, continueToken: encodeContinue({ rv: request.listRV, after: lastKey }) };
  if (!request.filtered) page.remainingItemCount = keyed.length - index;
  return page;
}

function anyMatchFrom(keyed: readonly { object: KubeObject }[], start: number, matches: ObjectMatcher): boolean {
  for (let i = start; i < keyed.length; i++) if (matches(keyed[i]!.object)) return true;
  return false;
}

function firstAfter(keyed: readonly { key: string }[], after: string): number {
  let low = 0;
  let high = keyed.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyed[mid]!.key <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}
