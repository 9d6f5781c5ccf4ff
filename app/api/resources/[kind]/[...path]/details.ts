import { describeObject, type DescribeLookup } from "@/lib/k8s/describeObject";
import { parseObjectRef } from "@/lib/k8s/objectRef";
import type { KubeObject } from "@/lib/k8s/types";
import type { ApiErrorBody, ObjectDetails } from "@/lib/wire/resources";
import { clusterScopedKinds, isStreamResourceKind, streamResourceKinds, type StreamResourceKind } from "@/lib/wire/stream";

export interface DetailsCache extends DescribeLookup {
  get(kind: StreamResourceKind, namespace: string | undefined, name: string): KubeObject | undefined;
}

export type DetailsAnswer = { status: 200; body: ObjectDetails } | { status: 400 | 404; body: ApiErrorBody };

/** Finds one object in the shared cache and describes it, or says precisely what was wrong with the request. */
export function lookupDetails(cache: DetailsCache, kind: string, path: readonly string[]): DetailsAnswer {
  if (!isStreamResourceKind(kind)) {
    return { status: 400, body: { error: `unknown kind "${kind}"; expected one of ${streamResourceKinds.join(", ")}` } };
  }
  const ref = parseObjectRef([kind, ...path].join("/"));
  if (!ref) {
    const shape = clusterScopedKinds.has(kind) ? `${kind} are cluster-scoped: use /api/resources/${kind}/<name>` : `${kind} are namespaced: use /api/resources/${kind}/<namespace>/<name>`;
    return { status: 400, body: { error: shape } };
  }
  const object = cache.get(kind, ref.namespace, ref.name);
  if (!object) {
    const where = ref.namespace ? ` in namespace "${ref.namespace}"` : "";
    return { status: 404, body: { error: `${kind} "${ref.name}" not found${where}; it may have been deleted` } };
  }
  return { status: 200, body: describeObject(object, cache) };
}
