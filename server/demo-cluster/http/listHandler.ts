import type { ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import { groupVersionOf, storeKeyOf, type ResourceInfo } from "../resources";
import type { ObjectStore } from "../store";
import { ApiError } from "./apiError";
import type { DemoApi } from "./apiContext";
import { encodeContinue, expiredContinueMessage } from "./continueToken";
import { pinnedName } from "./fieldSelector";
import { objectMatcher, selectPage } from "./listPage";
import type { ListQuery } from "./listQuery";
import type { Rendering } from "./negotiate";
import { withoutTypeMeta, writeJsonList } from "./serialize";
import { partialMetadata, printerFor, tableRow } from "./tables/printers";
import type { ResourceTarget } from "./requestPath";

/** The objects a list or watch may return, using the name pinned by a field selector when there is one. */
export function candidates(store: ObjectStore, target: ResourceTarget, query: ListQuery): KubeObject[] {
  const key = storeKeyOf(target.info);
  const name = pinnedName(query.fields);
  if (name !== undefined && (target.namespace !== undefined || !target.info.namespaced)) {
    const found = store.get(key, target.namespace, name);
    return found ? [found] : [];
  }
  return store.list(key, target.namespace);
}

/** A resourceVersion newer than the store's is answered like kube-apiserver after its wait: 504 Timeout. */
export function checkNotFromFuture(store: ObjectStore, resourceVersion: string | undefined): void {
  if (resourceVersion === undefined || Number(resourceVersion) <= store.resourceVersion) return;
  const details = { causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 };
  throw new ApiError(504, "Timeout", `Too large resource version: ${resourceVersion}, current: ${store.resourceVersion}`, details);
}

function expiredContinue(store: ObjectStore, after: string): ApiError {
  return new ApiError(410, "Expired", expiredContinueMessage, undefined, { continue: encodeContinue({ rv: store.resourceVersion, after }) });
}

export async function serveList(res: ServerResponse, api: DemoApi, target: ResourceTarget, query: ListQuery, rendering: Rendering): Promise<void> {
  const { store } = api;
  const key = storeKeyOf(target.info);
  checkNotFromFuture(store, query.resourceVersion);
  if (query.continueFrom && query.continueFrom.rv < store.compactedRV(key)) throw expiredContinue(store, query.continueFrom.after);
  const listRV = query.continueFrom?.rv ?? store.resourceVersion;
  const filtered = query.labels.length > 0 || query.fields.length > 0;
  const selected = objectMatcher(query.labels, query.fields);
  // Later pages read the first page's snapshot, as etcd does: objects created since are not in it.
  const matches = query.continueFrom ? (o: KubeObject) => store.createdRV(o) <= listRV && selected(o) : selected;
  const page = selectPage(candidates(store, target, query), { matches, filtered, limit: query.limit, continueFrom: query.continueFrom, listRV });
  const metadata: Record<string, unknown> = { resourceVersion: String(listRV) };
  if (page.continueToken) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  await writePage(res, target.info, page.items, metadata, query, rendering);
}

function writePage(res: ServerResponse, info: ResourceInfo, items: KubeObject[], metadata: Record<string, unknown>, query: ListQuery, rendering: Rendering): Promise<void> {
  if (rendering.as === "table") {
    const printer = printerFor(info);
    const now = Date.now();
    const head = { kind: "Table", apiVersion: `meta.k8s.io/${rendering.version}`, metadata, columnDefinitions: printer.columns };
    return writeJsonList(res, head, "rows", items, (o) => JSON.stringify(tableRow(printer, o, query.includeObject, rendering.version, now)));
  }
  if (rendering.as === "partial") {
    const head = { kind: "PartialObjectMetadataList", apiVersion: `meta.k8s.io/${rendering.version}`, metadata };
    return writeJsonList(res, head, "items", items, (o) => JSON.stringify(partialMetadata(o, rendering.version)));
  }
  const head = { kind: `${info.kind}List`, apiVersion: groupVersionOf(info), metadata };
  return writeJsonList(res, head, "items", items, (o) => JSON.stringify(withoutTypeMeta(o)));
}
