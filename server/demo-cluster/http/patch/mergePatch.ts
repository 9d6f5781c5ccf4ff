import { isJson } from "../objectAccess";

/**
 * RFC 7386 JSON merge patch: objects merge recursively, null removes a key, anything else replaces.
 * Never mutates its inputs; unchanged subtrees are shared with `target`.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJson(patch)) return patch;
  const result: Record<string, unknown> = isJson(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
