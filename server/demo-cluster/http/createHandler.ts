import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import { groupVersionOf, hasSubresource, storeKeyOf, type ResourceInfo } from "../resources";
import type { ObjectStore } from "../store";
import type { DemoApi } from "./apiContext";
import { ApiError } from "./apiError";
import { sendJson } from "./status";
import { applyCreateDefaults } from "./defaults";
import { isJson, str } from "./objectAccess";
import type { ResourceTarget } from "./requestPath";
import { qualified } from "./storeErrors";
import { withTypeMeta } from "./serialize";
import { checkTypeMeta, validateObject } from "./validation";

const serverOwnedMeta = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink", "managedFields"];

/** Refuses creates into a namespace that is missing (404) or being deleted (403), like the NamespaceLifecycle admission. */
export function checkNamespaceAccepts(store: ObjectStore, info: ResourceInfo, namespace: string, name: string): void {
  const ns = store.get("namespaces", undefined, namespace);
  if (!ns) throw ApiError.notFound("namespaces", namespace);
  if (ns.metadata.deletionTimestamp || str((ns.status as { phase?: unknown } | undefined)?.phase) === "Terminating") {
    throw new ApiError(403, "Forbidden", `${info.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

/** Turns a POST body into the object to store: namespace checked, server-owned fields dropped, defaults applied. */
export function prepareCreate(api: DemoApi, target: ResourceTarget, body: Record<string, unknown>): KubeObject {
  const { info } = target;
  checkTypeMeta(info, body);
  const metadata = isJson(body.metadata) ? { ...body.metadata } : {};
  if (metadata.resourceVersion !== undefined && metadata.resourceVersion !== "") throw ApiError.badRequest("resourceVersion should not be set on objects to be created");
  for (const key of serverOwnedMeta) delete metadata[key];
  if (info.namespaced) {
    if (metadata.namespace !== undefined && metadata.namespace !== "" && metadata.namespace !== target.namespace) {
      throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    metadata.namespace = target.namespace;
  } else {
    delete metadata.namespace;
  }
  const object = { ...body, apiVersion: groupVersionOf(info), kind: info.kind, metadata } as unknown as KubeObject;
  if (hasSubresource(info, "status")) delete object.status;
  const name = str(metadata.name) || `${str(metadata.generateName)}xxxxx`;
  if (info.namespaced) checkNamespaceAccepts(api.store, info, target.namespace!, name);
  applyCreateDefaults(info, object, api.store);
  validateObject(info, { ...object, metadata: { ...object.metadata, name } });
  return object;
}

export async function serveCreate(res: ServerResponse, api: DemoApi, target: ResourceTarget, body: Record<string, unknown>, dryRun: boolean): Promise<void> {
  const object = prepareCreate(api, target, body);
  if (dryRun) {
    const name = object.metadata.name || `${object.metadata.generateName ?? ""}dryrun`;
    sendJson(res, 201, { ...object, metadata: { ...object.metadata, name, uid: randomUUID(), creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z") } });
    return;
  }
  const created = qualified(target.info, object.metadata.name, () => api.store.create(storeKeyOf(target.info), object));
  sendJson(res, 201, withTypeMeta(created, target.info));
}
