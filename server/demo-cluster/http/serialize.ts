import type { ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import { groupVersionOf, type ResourceInfo } from "../resources";

/** Objects written by controllers may lack TypeMeta; answers always carry it. */
export function withTypeMeta(object: KubeObject, info: ResourceInfo): KubeObject {
  if (object.apiVersion && object.kind) return object;
  return { apiVersion: groupVersionOf(info), kind: info.kind, ...object };
}

/** A list item as kube-apiserver encodes it: the list carries kind and apiVersion, its items do not. */
export function withoutTypeMeta(object: KubeObject): Omit<KubeObject, "kind" | "apiVersion"> {
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest;
}

const itemsPerChunk = 200;

/**
 * Writes `{...head, [itemsField]: [...]}` as a chunked response, serializing items in batches
 * and waiting for the socket to drain, so a 10,000-item list neither blocks nor buffers it all.
 * `head` is serialized first and must not contain the items field.
 */
export async function writeJsonList<T>(res: ServerResponse, head: Record<string, unknown>, itemsField: string, items: readonly T[], serialize: (item: T) => string): Promise<void> {
  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
  const opening = JSON.stringify(head);
  const prefix = `${opening.slice(0, -1)}${opening.length > 2 ? "," : ""}"${itemsField}":[`;
  let batch = prefix;
  for (let i = 0; i < items.length; i++) {
    batch += (i === 0 ? "" : ",") + serialize(items[i]!);
    if ((i + 1) % itemsPerChunk === 0) {
      if (res.destroyed) return;
      if (!res.write(batch)) await drained(res);
      batch = "";
    }
  }
  res.end(`${batch}]}`);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
