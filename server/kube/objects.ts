import { apiVersionOf, type ResourceKindInfo } from "./resources";
import { StringInterner } from "./stringInterner";
import type { KubeObject } from "./types";

/** A list item or watch object that is not a Kubernetes object; the response cannot be trusted. */
export class MalformedObjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedObjectError";
  }
}

/**
 * Makes a received object ready for the shared cache: managedFields dropped (often half the size),
 * kind/apiVersion filled in (list items omit them), repeated strings shared,
 * and frozen so no consumer can change what others see.
 */
export function prepareObject(raw: unknown, info: ResourceKindInfo, interner: StringInterner = sharedInterner): KubeObject {
  const object = raw as KubeObject;
  const metadata = object?.metadata as KubeObject["metadata"] | undefined;
  if (typeof object !== "object" || object === null || typeof metadata !== "object" || metadata === null || typeof metadata.name !== "string") {
    throw new MalformedObjectError(`received a ${info.objectKind} without metadata.name`);
  }
  if (metadata.managedFields !== undefined) {
    const { managedFields: _dropped, ...rest } = metadata;
    object.metadata = rest;
  }
  if (object.kind === undefined) object.kind = info.objectKind;
  if (object.apiVersion === undefined) object.apiVersion = apiVersionOf(info);
  return freezeAndIntern(object, interner);
}

const sharedInterner = new StringInterner();

/** Freezes `value` deeply, swapping each string value for its shared copy on the way. */
export function freezeAndIntern<T>(value: T, interner: StringInterner): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    if (typeof field === "string") record[key] = interner.intern(field);
    else if (typeof field === "object" && field !== null) freezeAndIntern(field, interner);
  }
  return Object.freeze(value);
}
