import { dump } from "js-yaml";
import type { EventSummary, ObjectDetails, OwnerLink } from "../wire/resources";
import { resourceForKind } from "./objectRef";
import type { KubeEvent, KubeObject } from "./types";

export interface DescribeLookup {
  byUid(uid: string): KubeObject | undefined;
  eventsFor(uid: string): readonly KubeObject[];
}

const MAX_OWNER_DEPTH = 10;
export const MAX_EVENTS = 25;

/** Follows each object's controller (or first) owner upward through the cache: ReplicaSet, then Deployment… */
export function ownerChain(object: KubeObject, byUid: DescribeLookup["byUid"]): OwnerLink[] {
  const chain: OwnerLink[] = [];
  const seen = new Set<string>([object.metadata.uid ?? ""]);
  let current: KubeObject | undefined = object;
  while (current && chain.length < MAX_OWNER_DEPTH) {
    const refs: KubeObject["metadata"]["ownerReferences"] = current.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? refs[0];
    if (!ref || seen.has(ref.uid)) break;
    seen.add(ref.uid);
    const owner = byUid(ref.uid);
    const namespace = owner?.metadata.namespace ?? current.metadata.namespace;
    chain.push({ kind: ref.kind, name: ref.name, namespace, uid: ref.uid, resource: resourceForKind(ref.kind), found: owner !== undefined });
    current = owner;
  }
  return chain;
}

function lastSeen(event: KubeEvent): string | undefined {
  return event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp;
}

/** The object's events, newest first, trimmed to what a person reads. */
export function summarizeEvents(events: readonly KubeObject[], limit = MAX_EVENTS): EventSummary[] {
  return (events as readonly KubeEvent[])
    .map((event) => ({
      type: event.type ?? "Normal",
      reason: event.reason ?? "",
      message: event.message ?? "",
      count: event.series?.count ?? event.count ?? 1,
      lastSeen: lastSeen(event),
      source: event.source?.component ?? (event.reportingController as string | undefined),
    }))
    .sort((a, b) => (b.lastSeen ?? "").localeCompare(a.lastSeen ?? ""))
    .slice(0, limit);
}

/** Everything the details drawer shows beyond the live object: YAML, owners and events. */
export function describeObject(object: KubeObject, lookup: DescribeLookup): ObjectDetails {
  const { managedFields: _dropped, ...metadata } = object.metadata as KubeObject["metadata"] & { managedFields?: unknown };
  const trimmed = { ...object, metadata };
  const uid = object.metadata.uid;
  return {
    object: trimmed,
    yaml: dump(trimmed, { noRefs: true }),
    owners: ownerChain(object, (ownerUid) => lookup.byUid(ownerUid)),
    events: uid ? summarizeEvents(lookup.eventsFor(uid)) : [],
  };
}
