import { resourceForKind } from "@/lib/k8s/objectRef";
import type { KubeObject } from "@/lib/k8s/types";
import type { DetailsCache } from "../details";
import type { RelatedCache } from "../relatedDetails";

/** For caches that hold one object and nothing related to it. */
export const nothingRelated: Omit<RelatedCache, "get"> = { list: () => [], byOwner: () => [], podsOnNode: () => [] };

/** A DetailsCache over a handful of objects, indexed the way server/kube/cache indexes them. */
export function detailsCacheOf(objects: readonly KubeObject[], events: readonly KubeObject[] = []): DetailsCache {
  const resourceOf = (object: KubeObject) => resourceForKind(object.kind ?? "");
  return {
    get: (kind, namespace, name) => objects.find((o) => resourceOf(o) === kind && (o.metadata.namespace ?? undefined) === namespace && o.metadata.name === name),
    list: (kind, filter = {}) =>
      objects.filter(
        (o) =>
          resourceOf(o) === kind &&
          (filter.namespace === undefined || o.metadata.namespace === filter.namespace) &&
          Object.entries(filter.labelSelector ?? {}).every(([key, value]) => o.metadata.labels?.[key] === value),
      ),
    byUid: (uid) => objects.find((o) => o.metadata.uid === uid),
    byOwner: (uid) => objects.filter((o) => (o.metadata.ownerReferences ?? []).some((ref) => ref.uid === uid)),
    podsOnNode: (name) => objects.filter((o) => o.kind === "Pod" && (o.spec as { nodeName?: string } | undefined)?.nodeName === name),
    eventsFor: (uid) => events.filter((e) => (e as { involvedObject?: { uid?: string } }).involvedObject?.uid === uid),
  };
}
