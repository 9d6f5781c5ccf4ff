import { ApiError } from "../apiError";
import { isJson, type Json } from "../objectAccess";
import { listStrategy, type ListStrategy } from "./patchStrategies";

const setOrderPrefix = "$setElementOrder/";
const deletePrimitivesPrefix = "$deleteFromPrimitiveList/";

/**
 * Strategic merge patch for the built-in kinds: maps merge, null deletes, lists with a merge key
 * merge item by item (`$patch: delete` removes one), other lists are replaced. Honours `$patch: replace`,
 * `$retainKeys`, `$setElementOrder/…` and `$deleteFromPrimitiveList/…` as kubectl sends them.
 * Never mutates its inputs.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown): unknown {
  if (!isJson(patch)) throw ApiError.badRequest("a strategic merge patch must be a JSON object");
  return mergeMap(isJson(original) ? original : {}, patch, []);
}

function mergeMap(original: Json, patch: Json, path: string[]): Json {
  if (patch.$patch === "replace") return stripDirectives(patch) as Json;
  if (patch.$patch !== undefined && patch.$patch !== "merge") throw ApiError.badRequest(`unknown patch type "${String(patch.$patch)}" in map at ${path.join(".") || "<root>"}`);
  const result: Json = { ...original };
  const orders: [string, unknown[]][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === "$patch" || key === "$retainKeys") continue;
    if (key.startsWith(setOrderPrefix)) orders.push([key.slice(setOrderPrefix.length), Array.isArray(value) ? value : []]);
    else if (key.startsWith(deletePrimitivesPrefix)) removePrimitives(result, key.slice(deletePrimitivesPrefix.length), value);
    else if (!key.startsWith("$")) mergeField(result, key, value, [...path, key]);
  }
  for (const [key, order] of orders) if (Array.isArray(result[key])) result[key] = reorder(result[key] as unknown[], order, listStrategy([...path, key]));
  if (Array.isArray(patch.$retainKeys)) retainOnly(result, patch.$retainKeys as unknown[]);
  return result;
}

function mergeField(result: Json, key: string, value: unknown, path: string[]): void {
  if (value === null) {
    delete result[key];
  } else if (isJson(value)) {
    if (value.$patch === "delete") delete result[key];
    else result[key] = mergeMap(isJson(result[key]) ? (result[key] as Json) : {}, value, path);
  } else if (Array.isArray(value)) {
    result[key] = mergeList(Array.isArray(result[key]) ? (result[key] as unknown[]) : [], value, path);
  } else {
    result[key] = value;
  }
}

function mergeList(original: unknown[], patch: unknown[], path: string[]): unknown[] {
  const replaceMarker = patch.findIndex((item) => isJson(item) && item.$patch === "replace");
  if (replaceMarker >= 0) return patch.filter((_, i) => i !== replaceMarker).map(stripDirectives);
  const strategy = listStrategy(path);
  if (!strategy) return patch.map(stripDirectives);
  if ("primitiveSet" in strategy) return [...original, ...patch.filter((item) => !original.includes(item))];
  const result = [...original];
  for (const item of patch) {
    if (!isJson(item)) throw ApiError.badRequest(`the list ${path.join(".")} merges by "${strategy.mergeKey}" and needs objects`);
    const at = result.findIndex((existing) => isJson(existing) && existing[strategy.mergeKey] === item[strategy.mergeKey]);
    if (item.$patch === "delete") {
      if (at >= 0) result.splice(at, 1);
    } else if (at >= 0) {
      result[at] = mergeMap(result[at] as Json, item, path);
    } else {
      result.push(stripDirectives(item));
    }
  }
  return result;
}

/** Orders a list as `$setElementOrder` asks; items it does not name keep their place after those it does. */
function reorder(items: unknown[], order: unknown[], strategy: ListStrategy | undefined): unknown[] {
  const identity = (item: unknown) => (strategy && "mergeKey" in strategy && isJson(item) ? item[strategy.mergeKey] : item);
  const wanted = order.map(identity);
  const rank = (item: unknown) => {
    const index = wanted.indexOf(identity(item));
    return index < 0 ? wanted.length : index;
  };
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map((e) => e.item);
}

function removePrimitives(result: Json, key: string, value: unknown): void {
  if (!Array.isArray(result[key]) || !Array.isArray(value)) return;
  result[key] = (result[key] as unknown[]).filter((item) => !value.includes(item));
}

function retainOnly(result: Json, keys: unknown[]): void {
  for (const key of Object.keys(result)) if (!keys.includes(key)) delete result[key];
}

/** Drops `$…` directives from values that are inserted rather than merged. */
function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isJson(value)) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) if (!key.startsWith("$") && inner !== null) out[key] = stripDirectives(inner);
  return out;
}
