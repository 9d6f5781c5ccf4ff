import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import { groupVersionOf, hasSubresource, qualifiedName, storeKeyOf, type ResourceInfo } from "../resources";
import type { DemoApi } from "./apiContext";
import { ApiError } from "./apiError";
import type { GracefulMeta } from "./deletion";
import { readJson } from "./body";
import { isJson, str } from "./objectAccess";
import { applyPatch, patchTypeOf } from "./patch/applyPatch";
import type { ResourceTarget } from "./requestPath";
import { withTypeMeta } from "./serialize";
import { sendJson } from "./status";
import { qualified } from "./storeErrors";
import { checkTypeMeta, validateObject } from "./validation";

/** Which part of the object a write may change: everything but status, or only status. */
export type WritePart = "main" | "status";

/** Fetches the object a target names, or 404 in kube-apiserver's words. */
export function mustGet(api: DemoApi, target: ResourceTarget): KubeObject {
  const found = api.store.get(storeKeyOf(target.info), target.namespace, target.name!);
  if (!found) throw ApiError.notFound(qualifiedName(target.info), target.name!, target.info.group || undefined);
  return found;
}

/** The object to store: identity and server-owned metadata from `current`, the written part from `next`. */
function mergeWrite(info: ResourceInfo, current: KubeObject, next: KubeObject, part: WritePart): KubeObject {
  if (next.metadata.uid && next.metadata.uid !== current.metadata.uid) {
    throw new ApiError(409, "Conflict", `Precondition failed: UID in precondition: ${next.metadata.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (part === "status") return { ...current, status: next.status, metadata: { ...current.metadata, resourceVersion: next.metadata.resourceVersion } };
  const metadata = {
    ...next.metadata,
    name: current.metadata.name,
    namespace: current.metadata.namespace,
    creationTimestamp: current.metadata.creationTimestamp,
    deletionTimestamp: current.metadata.deletionTimestamp,
    deletionGracePeriodSeconds: (current.metadata as GracefulMeta).deletionGracePeriodSeconds,
  };
  for (const key of Object.keys(metadata) as (keyof typeof metadata)[]) if (metadata[key] === undefined) delete metadata[key];
  const merged: KubeObject = { ...next, apiVersion: groupVersionOf(info), kind: info.kind, metadata };
  if (hasSubresource(info, "status")) merged.status = current.status;
  return merged;
}

/** Writes `next` over `current`; an object waiting only for its finalizers is removed once they are gone. */
export function commitWrite(api: DemoApi, target: ResourceTarget, current: KubeObject, next: KubeObject, part: WritePart, dryRun: boolean): KubeObject {
  const { info } = target;
  const merged = mergeWrite(info, current, next, part);
  validateObject(info, merged, false);
  if (dryRun) return merged;
  const key = storeKeyOf(info);
  const expectRV = str(merged.metadata.resourceVersion) || undefined;
  const written = qualified(info, current.metadata.name, () => api.store.update(key, merged, expectRV));
  if (finalizersDone(info, written)) return api.store.delete(key, written.metadata.namespace, written.metadata.name);
  return written;
}

/** A deleted object whose last finalizer just went (a pod also waits for its grace period). */
function finalizersDone(info: ResourceInfo, object: KubeObject): boolean {
  const at = object.metadata.deletionTimestamp;
  if (!at || (object.metadata.finalizers ?? []).length > 0) return false;
  return info.plural !== "pods" || Date.parse(at) <= Date.now();
}

export async function servePut(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, part: WritePart, dryRun: boolean): Promise<void> {
  const body = await readJson(req);
  if (!isJson(body) || !isJson(body.metadata)) throw ApiError.badRequest("the request body must be an object with metadata");
  checkTypeMeta(target.info, body);
  const next = body as KubeObject;
  if (next.metadata.name !== target.name) throw ApiError.badRequest(`the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${target.name})`);
  if (target.namespace !== undefined && next.metadata.namespace && next.metadata.namespace !== target.namespace) {
    throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  const written = commitWrite(api, target, mustGet(api, target), next, part, dryRun);
  sendJson(res, 200, withTypeMeta(written, target.info));
}

export async function servePatch(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, part: WritePart, dryRun: boolean): Promise<void> {
  const type = patchTypeOf(req.headers["content-type"]);
  const patch = await readJson(req);
  const current = mustGet(api, target);
  const patched = applyPatch(type, current, patch);
  if (!isJson(patched) || !isJson(patched.metadata)) throw ApiError.badRequest("the patched object must be an object with metadata");
  const written = commitWrite(api, target, current, patched as KubeObject, part, dryRun);
  sendJson(res, 200, withTypeMeta(written, target.info));
}
