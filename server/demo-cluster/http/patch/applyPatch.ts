import { ApiError } from "../apiError";
import { applyJsonPatch } from "./jsonPatch";
import { applyMergePatch } from "./mergePatch";
import { applyStrategicMergePatch } from "./strategicMergePatch";

export type PatchType = "json" | "merge" | "strategic";

const byContentType: Record<string, PatchType> = {
  "application/json-patch+json": "json",
  "application/merge-patch+json": "merge",
  "application/strategic-merge-patch+json": "strategic",
};

/** The patch flavour a Content-Type names; server-side apply and anything else is 415. */
export function patchTypeOf(contentType: string | undefined): PatchType {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const type = byContentType[mediaType];
  if (type) return type;
  const supported = Object.keys(byContentType).join(", ");
  const hint = mediaType === "application/apply-patch+yaml" ? " (server-side apply is not supported by the demo cluster; use client-side kubectl apply)" : "";
  throw new ApiError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: ${supported}${hint}`);
}

export function applyPatch(type: PatchType, original: unknown, patch: unknown): unknown {
  switch (type) {
    case "json": return applyJsonPatch(original, patch);
    case "merge": return applyMergePatch(original, patch);
    case "strategic": return applyStrategicMergePatch(original, patch);
  }
}
