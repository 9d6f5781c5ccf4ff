import { ApiError } from "./apiError";

/** The answer shapes the demo apiserver can produce for a read. */
export type Rendering =
  | { as: "object" }
  | { as: "table"; version: "v1" | "v1beta1" }
  | { as: "partial"; version: "v1" | "v1beta1" };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [type, ...rest] = part.split(";").map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf("=");
        if (eq > 0) params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim().replace(/^"|"$/g, "");
      }
      return { type: type!.toLowerCase(), params };
    });
}

const jsonTypes = new Set(["application/json", "application/*", "*/*"]);

function renderingOf(range: MediaRange): Rendering | undefined {
  if (!jsonTypes.has(range.type)) return undefined;
  const { as, g, v } = range.params;
  if (as === undefined) return { as: "object" };
  if (g !== "meta.k8s.io" || (v !== "v1" && v !== "v1beta1")) return undefined;
  if (as === "Table") return { as: "table", version: v };
  if (as === "PartialObjectMetadata" || as === "PartialObjectMetadataList") return { as: "partial", version: v };
  return undefined;
}

/**
 * Picks the first Accept entry the server can produce, like kube-apiserver's negotiation.
 * Protobuf and aggregated discovery are skipped, so clients fall back to plain JSON.
 */
export function negotiate(accept: string | undefined): Rendering {
  if (!accept || accept.trim() === "") return { as: "object" };
  for (const range of parseAccept(accept)) {
    const rendering = renderingOf(range);
    if (rendering) return rendering;
  }
  throw new ApiError(406, "NotAcceptable", `only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io (asked for ${accept})`);
}
