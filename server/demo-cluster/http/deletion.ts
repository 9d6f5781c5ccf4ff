import type { KubeObject } from "@/server/kube/types";
import { storeKeyOf, type ResourceInfo } from "../resources";
import type { DemoApi } from "./apiContext";
import { ApiError } from "./apiError";
import { isJson, num, str } from "./objectAccess";
import { parseBool } from "./listQuery";

/** ObjectMeta with the field kube/types.ts does not list yet. */
export type GracefulMeta = KubeObject["metadata"] & { deletionGracePeriodSeconds?: number };

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy: "Orphan" | "Background" | "Foreground";
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

/** The longest a terminating pod stays before the demo removes it (kubelet would take the grace period). */
const maxPodLingerMs = 1000;

/** metav1.DeleteOptions from a body (kubectl) or the query string (curl), the body winning. */
export function parseDeleteOptions(body: unknown, params: URLSearchParams): DeleteOptions {
  const source = isJson(body) ? body : {};
  const graceText = params.get("gracePeriodSeconds");
  const grace = typeof source.gracePeriodSeconds === "number" ? source.gracePeriodSeconds : graceText !== null && graceText !== "" ? Number(graceText) : undefined;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0)) throw ApiError.badRequest(`invalid gracePeriodSeconds ${String(grace)}: must be a non-negative integer`);
  const policy = str(source.propagationPolicy) || params.get("propagationPolicy") || (source.orphanDependents === true || parseBool("orphanDependents", params.get("orphanDependents")) ? "Orphan" : "Background");
  if (policy !== "Orphan" && policy !== "Background" && policy !== "Foreground") throw ApiError.badRequest(`propagationPolicy: Unsupported value: "${policy}"`);
  const dryRun = (Array.isArray(source.dryRun) && source.dryRun.includes("All")) || params.getAll("dryRun").includes("All");
  const preconditions = isJson(source.preconditions) ? { uid: str(source.preconditions.uid) || undefined, resourceVersion: str(source.preconditions.resourceVersion) || undefined } : undefined;
  return { gracePeriodSeconds: grace, propagationPolicy: policy, preconditions, dryRun };
}

function checkPreconditions(object: KubeObject, preconditions: DeleteOptions["preconditions"]): void {
  if (preconditions?.uid && preconditions.uid !== object.metadata.uid) {
    throw new ApiError(409, "Conflict", `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${object.metadata.uid}`);
  }
  if (preconditions?.resourceVersion && preconditions.resourceVersion !== object.metadata.resourceVersion) {
    throw new ApiError(409, "Conflict", `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion}`);
  }
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, "Z");

/** The finalizers kube-apiserver adds so the garbage collector orphans or deletes dependents first. */
const propagationFinalizer: Partial<Record<DeleteOptions["propagationPolicy"], string>> = { Orphan: "orphan", Foreground: "foregroundDeletion" };

/**
 * Deletes as kube-apiserver does: pods gracefully (deletionTimestamp now, removal after the grace period,
 * at most a second here); Orphan/Foreground propagation and other finalizers mark the object and keep it
 * for the garbage collector; a namespace turns Terminating for the namespace controller; the rest goes at once.
 * Dependents and namespace contents are the simulation's controllers' work, as in a real cluster.
 */
export function deleteObject(api: DemoApi, info: ResourceInfo, current: KubeObject, options: DeleteOptions): KubeObject {
  checkPreconditions(current, options.preconditions);
  if (options.dryRun) return current;
  if (info.plural === "pods" && !info.group) return deletePod(api, info, current, options);
  if (info.plural === "namespaces" && !info.group) return deleteNamespace(api, current);
  const gcFinalizer = propagationFinalizer[options.propagationPolicy];
  if (gcFinalizer || (current.metadata.finalizers ?? []).length > 0) return markDeleted(api, info, current, 0, gcFinalizer);
  return remove(api, info, current);
}

function deletePod(api: DemoApi, info: ResourceInfo, pod: KubeObject, options: DeleteOptions): KubeObject {
  const meta = pod.metadata as GracefulMeta;
  const spec = isJson(pod.spec) ? pod.spec : {};
  const phase = str(isJson(pod.status) ? pod.status.phase : undefined);
  const grace = options.gracePeriodSeconds ?? meta.deletionGracePeriodSeconds ?? num(spec.terminationGracePeriodSeconds, 30);
  const unscheduledOrDone = !str(spec.nodeName) || phase === "Succeeded" || phase === "Failed";
  if ((grace === 0 || unscheduledOrDone) && (meta.finalizers ?? []).length === 0) return remove(api, info, pod);
  if (meta.deletionTimestamp && meta.deletionGracePeriodSeconds !== undefined && grace >= meta.deletionGracePeriodSeconds) return pod;
  const marked = markDeleted(api, info, pod, grace);
  const uid = pod.metadata.uid;
  api.later.after(Math.min(grace * 1000, maxPodLingerMs), () => finishPodDeletion(api, info, pod.metadata.namespace, pod.metadata.name, uid));
  return marked;
}

function finishPodDeletion(api: DemoApi, info: ResourceInfo, namespace: string | undefined, name: string, uid: string | undefined): void {
  const pod = api.store.get(storeKeyOf(info), namespace, name);
  if (!pod || pod.metadata.uid !== uid || !pod.metadata.deletionTimestamp || (pod.metadata.finalizers ?? []).length > 0) return;
  remove(api, info, pod);
}

function markDeleted(api: DemoApi, info: ResourceInfo, object: KubeObject, graceSeconds: number, addFinalizer?: string): KubeObject {
  return api.store.mutate(storeKeyOf(info), object.metadata.namespace, object.metadata.name, (draft) => {
    // A pod's new, shorter grace period moves its deadline; other objects keep their first deletion time.
    if (!draft.metadata.deletionTimestamp || graceSeconds > 0) draft.metadata.deletionTimestamp = inSeconds(graceSeconds);
    (draft.metadata as GracefulMeta).deletionGracePeriodSeconds = graceSeconds;
    if (addFinalizer && !(draft.metadata.finalizers ?? []).includes(addFinalizer)) draft.metadata.finalizers = [...(draft.metadata.finalizers ?? []), addFinalizer];
  });
}

function remove(api: DemoApi, info: ResourceInfo, object: KubeObject): KubeObject {
  return api.store.delete(storeKeyOf(info), object.metadata.namespace, object.metadata.name);
}

/** A namespace turns Terminating; the namespace controller empties and removes it. */
function deleteNamespace(api: DemoApi, namespace: KubeObject): KubeObject {
  if (namespace.metadata.deletionTimestamp) return namespace;
  return api.store.mutate("namespaces", undefined, namespace.metadata.name, (draft) => {
    draft.metadata.deletionTimestamp = inSeconds(0);
    draft.status = { ...(isJson(draft.status) ? draft.status : {}), phase: "Terminating" };
  });
}
