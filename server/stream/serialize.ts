import type { KubeObject } from "../kube/types";

// Cache objects are frozen and replaced on change, so one JSON text per object serves every tab.
const jsonByObject = new WeakMap<KubeObject, string>();

/** The object as the browser receives it, without managedFields. */
export function trimForBrowser(object: KubeObject): KubeObject {
  if (object.metadata.managedFields === undefined) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

export function serializeObject(object: KubeObject): string {
  let json = jsonByObject.get(object);
  if (json === undefined) {
    json = JSON.stringify(trimForBrowser(object));
    jsonByObject.set(object, json);
  }
  return json;
}

/** A snapshot message built from pre-serialized objects, without re-encoding them. */
export function snapshotMessage(id: string, objects: readonly KubeObject[], resourceVersion: string | undefined): string {
  const rv = resourceVersion === undefined ? "" : `,"resourceVersion":${JSON.stringify(resourceVersion)}`;
  const items = objects.map(serializeObject).join(",");
  return `{"type":"snapshot","id":${JSON.stringify(id)}${rv},"items":[${items}]}`;
}

/** A delta message from change entries whose `json` already holds `{"type":…,"object":…}`. */
export function deltaMessage(id: string, changeJson: readonly string[]): string {
  return `{"type":"delta","id":${JSON.stringify(id)},"changes":[${changeJson.join(",")}]}`;
}
