import { fnv32a, safeEncode } from "../random";

/** JSON with sorted keys, so templates that differ only in key order hash alike. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/** Like controller.ComputeHash: fnv32a of the template (and collision count), safe-encoded, e.g. "5d9f7c8b6b". */
export function computeTemplateHash(template: unknown, collisionCount = 0): string {
  const text = stableStringify(template) + (collisionCount > 0 ? String(collisionCount) : "");
  return safeEncode(String(fnv32a(text)));
}
