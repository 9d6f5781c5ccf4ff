import type { Access } from "@/server/access/types";
import type { Person } from "@/server/auth/person";
import { ApiError } from "@/server/http/errors";
import { kindInfo } from "@/server/kube/resources";
import { describeObject, ownerChain, type DescribeLookup } from "@/lib/k8s/describeObject";
import { parseObjectRef, type ObjectRef } from "@/lib/k8s/objectRef";
import type { KubeObject } from "@/lib/k8s/types";
import type { ObjectDetails } from "@/lib/wire/resources";
import { clusterScopedKinds, isStreamResourceKind, streamResourceKinds, type StreamResourceKind } from "@/lib/wire/stream";
import { relatedDetails, type RelatedAccess, type RelatedCache, type RelatedUsage } from "./relatedDetails";

export interface DetailsCache extends DescribeLookup, RelatedCache {
  get(kind: StreamResourceKind, namespace: string | undefined, name: string): KubeObject | undefined;
}

/** What the details need to know about the person; server/access's Access satisfies it. */
export type DetailsAccess = Pick<Access, "can" | "canList"> & RelatedAccess & { readonly person?: Pick<Person, "name"> };

function notFound(kind: StreamResourceKind, ref: Pick<ObjectRef, "namespace" | "name">): ApiError {
  const where = ref.namespace ? ` in namespace "${ref.namespace}"` : "";
  return ApiError.notFound(`${kind} "${ref.name}" not found${where}; it may have been deleted`);
}

// A Namespace object's namespace is its own name: a RoleBinding inside it can grant reading it.
function mayGet(access: DetailsAccess, kind: StreamResourceKind, namespace: string | undefined, name: string): Promise<boolean> {
  return access.can("get", { group: kindInfo(kind).group, resource: kind, namespace: kind === "namespaces" ? name : namespace, name });
}

/** The reference a request names; throws a 400 saying precisely what was wrong with it. */
function referenceOf(kind: string, path: readonly string[]): { resource: StreamResourceKind; ref: ObjectRef } {
  if (!isStreamResourceKind(kind)) throw ApiError.badRequest(`unknown kind "${kind}"; expected one of ${streamResourceKinds.join(", ")}`);
  const ref = parseObjectRef([kind, ...path].join("/"));
  if (!ref) {
    const shape = clusterScopedKinds.has(kind) ? `${kind} are cluster-scoped: use /api/resources/${kind}/<name>` : `${kind} are namespaced: use /api/resources/${kind}/<namespace>/<name>`;
    throw ApiError.badRequest(shape);
  }
  return { resource: kind, ref };
}

/** The object a request names; throws an ApiError saying precisely what was wrong with the request. */
function locate(cache: DetailsCache, kind: string, path: readonly string[]): { resource: StreamResourceKind; object: KubeObject } {
  const { resource, ref } = referenceOf(kind, path);
  const object = cache.get(resource, ref.namespace, ref.name);
  if (!object) throw notFound(resource, ref);
  return { resource, object };
}

// kube-apiserver's own words for a refused get, so a person reads the cluster's refusal and what it was about.
function forbidden(access: DetailsAccess, resource: StreamResourceKind, ref: Pick<ObjectRef, "namespace" | "name">): ApiError {
  const who = access.person ? `User "${access.person.name}"` : "you";
  const where = ref.namespace ? `in the namespace "${ref.namespace}"` : "at the cluster scope";
  return ApiError.forbidden(`${resource} "${ref.name}" is forbidden: ${who} cannot get resource "${resource}" in API group "${kindInfo(resource).group}" ${where}`);
}

/** Finds one object in the shared cache and describes it; throws an ApiError (400, 404) saying what was wrong. */
export function lookupDetails(cache: DetailsCache, kind: string, path: readonly string[]): ObjectDetails {
  return describeObject(locate(cache, kind, path).object, cache);
}

/**
 * lookupDetails as `access`'s person may see it. As the apiserver does, the right to get is asked before the object is
 * looked for: a refusal is a 403 whether or not the object exists (so it tells nothing about that), never a "not found".
 * Owners they may not get are shown as not found (the chain stops there), and only events of namespaces where they may
 * list events are kept.
 */
export async function lookupDetailsFor(access: DetailsAccess, cache: DetailsCache, kind: string, path: readonly string[], usage?: RelatedUsage): Promise<ObjectDetails> {
  const { resource: asked, ref } = referenceOf(kind, path);
  if (!(await mayGet(access, asked, ref.namespace, ref.name))) throw forbidden(access, asked, ref);
  const { resource, object } = locate(cache, kind, path);
  const { namespace, name, uid } = object.metadata;
  const owners = ownerChain(object, (ownerUid) => cache.byUid(ownerUid)).filter((owner) => owner.found && owner.resource);
  const ownerAllowed = await Promise.all(owners.map((owner) => mayGet(access, owner.resource!, owner.namespace, owner.name)));
  const visibleOwners = new Set(owners.filter((_, i) => ownerAllowed[i]).map((owner) => owner.uid));
  const eventNamespaces = [...new Set((uid ? cache.eventsFor(uid) : []).map((event) => event.metadata.namespace ?? ""))];
  const eventsAllowed = await Promise.all(eventNamespaces.map((ns) => access.canList("events", ns || undefined)));
  const visibleEventNamespaces = new Set(eventNamespaces.filter((_, i) => eventsAllowed[i]));
  const lookup: DescribeLookup = {
    byUid: (ownerUid) => (visibleOwners.has(ownerUid) ? cache.byUid(ownerUid) : undefined),
    eventsFor: (objectUid) => cache.eventsFor(objectUid).filter((event) => visibleEventNamespaces.has(event.metadata.namespace ?? "")),
  };
  const body = describeObject(object, lookup);
  // pods/exec is its own subresource in RBAC: get on the pod says nothing about opening a shell in it.
  if (resource === "pods") body.actions = { exec: await access.can("create", { group: "", resource: "pods", subresource: "exec", namespace, name }) };
  const related = await relatedDetails(access, cache, object, usage);
  if (related) body.related = related;
  return body;
}
