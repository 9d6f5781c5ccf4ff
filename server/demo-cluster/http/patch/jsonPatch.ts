import { isDeepStrictEqual } from "node:util";
import { ApiError } from "../apiError";
import { isJson } from "../objectAccess";

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

type Container = Record<string, unknown> | unknown[];

/** RFC 6901 pointer to its reference tokens. */
function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw ApiError.badRequest(`JSON pointer "${pointer}" must start with "/"`);
  return pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function failed(message: string): ApiError {
  return new ApiError(422, "Invalid", `the JSON patch could not be applied: ${message}`);
}

/** The container holding the last token of `tokens`, walking a document that is mutated in place. */
function parentOf(doc: unknown, tokens: string[], pointer: string): { parent: Container; last: string } {
  let current = doc;
  for (const token of tokens.slice(0, -1)) {
    current = Array.isArray(current) ? current[arrayIndex(current, token, false, pointer)] : isJson(current) ? current[token] : undefined;
    if (current === undefined) throw failed(`path "${pointer}" does not exist`);
  }
  if (!Array.isArray(current) && !isJson(current)) throw failed(`path "${pointer}" does not point into an object or array`);
  return { parent: current, last: tokens[tokens.length - 1]! };
}

function arrayIndex(array: unknown[], token: string, forInsert: boolean, pointer: string): number {
  if (forInsert && token === "-") return array.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw failed(`"${token}" in "${pointer}" is not an array index`);
  const index = Number(token);
  if (index > array.length || (!forInsert && index === array.length)) throw failed(`index ${index} in "${pointer}" is out of range`);
  return index;
}

function read(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return doc;
  const { parent, last } = parentOf(doc, tokens, pointer);
  const value = Array.isArray(parent) ? parent[arrayIndex(parent, last, false, pointer)] : parent[last];
  if (value === undefined) throw failed(`path "${pointer}" does not exist`);
  return value;
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, last } = parentOf(doc, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true, pointer), 0, value);
  else parent[last] = value;
  return doc;
}

function remove(doc: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw failed("the whole document cannot be removed");
  const { parent, last } = parentOf(doc, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false, pointer), 1);
  else if (last in parent) delete parent[last];
  else throw failed(`path "${pointer}" does not exist`);
  return doc;
}

function applyOne(doc: unknown, op: Operation): unknown {
  switch (op.op) {
    case "add": return add(doc, op.path, structuredClone(op.value));
    case "remove": return remove(doc, op.path);
    case "replace": read(doc, op.path); return add(remove(doc, op.path), op.path, structuredClone(op.value));
    case "move": { const value = read(doc, op.from ?? ""); return add(remove(doc, op.from ?? ""), op.path, value); }
    case "copy": return add(doc, op.path, structuredClone(read(doc, op.from ?? "")));
    case "test":
      if (!isDeepStrictEqual(read(doc, op.path), op.value)) throw failed(`test at "${op.path}" did not match`);
      return doc;
    default: throw ApiError.badRequest(`unknown JSON patch operation "${op.op}"`);
  }
}

/** RFC 6902 JSON patch on a copy of `document`. */
export function applyJsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw ApiError.badRequest("a JSON patch must be an array of operations");
  let doc = structuredClone(document);
  for (const op of operations) {
    if (!isJson(op) || typeof op.op !== "string" || typeof op.path !== "string") throw ApiError.badRequest("every JSON patch operation needs \"op\" and \"path\"");
    if ((op.op === "add" || op.op === "replace" || op.op === "test") && !("value" in op)) throw ApiError.badRequest(`JSON patch "${op.op}" at "${op.path}" needs a "value"`);
    doc = applyOne(doc, op as unknown as Operation);
  }
  return doc;
}
