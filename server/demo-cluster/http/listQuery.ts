import type { ResourceInfo } from "../resources";
import { ApiError } from "./apiError";
import { decodeContinue, type ContinueToken } from "./continueToken";
import { parseFieldSelector, type FieldRequirement } from "./fieldSelector";
import { parseLabelSelector, type LabelRequirement } from "./labelSelector";

export type IncludeObject = "None" | "Metadata" | "Object";

/** metav1.ListOptions as read from the query string, validated. */
export interface ListQuery {
  labels: LabelRequirement[];
  fields: FieldRequirement[];
  /** 0 means no limit. */
  limit: number;
  continueFrom?: ContinueToken;
  /** The raw continue token, echoed in errors. */
  continueText?: string;
  resourceVersion?: string;
  resourceVersionMatch?: "Exact" | "NotOlderThan";
  watch: boolean;
  allowWatchBookmarks: boolean;
  timeoutSeconds?: number;
  sendInitialEvents?: boolean;
  includeObject: IncludeObject;
}

/** Go's strconv.ParseBool, which kube-apiserver uses for query flags. */
export function parseBool(name: string, value: string | null): boolean | undefined {
  if (value === null || value === "") return undefined;
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  throw ApiError.badRequest(`invalid value for ${name}: "${value}" is not a boolean`);
}

function parseCount(name: string, value: string | null): number | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw ApiError.badRequest(`invalid value for ${name}: "${value}" is not a non-negative integer`);
  return Number(value);
}

function parseResourceVersion(value: string | null): string | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw ApiError.badRequest(`invalid resource version "${value}": must be a non-negative integer`);
  return value;
}

function parseMatch(value: string | null, resourceVersion: string | undefined): ListQuery["resourceVersionMatch"] {
  if (value === null || value === "") return undefined;
  if (value !== "Exact" && value !== "NotOlderThan") {
    throw ApiError.badRequest(`resourceVersionMatch: Unsupported value: "${value}": supported values: "Exact", "NotOlderThan"`);
  }
  if (resourceVersion === undefined) throw ApiError.badRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
  return value;
}

function parseInclude(value: string | null): IncludeObject {
  if (value === null || value === "") return "Metadata";
  if (value === "None" || value === "Metadata" || value === "Object") return value;
  throw ApiError.badRequest(`includeObject: Unsupported value: "${value}": supported values: "None", "Metadata", "Object"`);
}

export function parseListQuery(params: URLSearchParams, info: ResourceInfo): ListQuery {
  const resourceVersion = parseResourceVersion(params.get("resourceVersion"));
  const continueText = params.get("continue") || undefined;
  if (continueText && resourceVersion !== undefined && resourceVersion !== "0") {
    throw ApiError.badRequest("specifying resource version is not allowed when using continue");
  }
  return {
    labels: parseLabelSelector(params.get("labelSelector") ?? ""),
    fields: parseFieldSelector(params.get("fieldSelector") ?? "", info),
    limit: parseCount("limit", params.get("limit")) ?? 0,
    continueFrom: continueText ? decodeContinue(continueText) : undefined,
    continueText,
    resourceVersion,
    resourceVersionMatch: parseMatch(params.get("resourceVersionMatch"), resourceVersion),
    watch: parseBool("watch", params.get("watch")) ?? false,
    allowWatchBookmarks: parseBool("allowWatchBookmarks", params.get("allowWatchBookmarks")) ?? false,
    timeoutSeconds: parseCount("timeoutSeconds", params.get("timeoutSeconds")),
    sendInitialEvents: parseBool("sendInitialEvents", params.get("sendInitialEvents")),
    includeObject: parseInclude(params.get("includeObject")),
  };
}
