import { findResource, type ResourceInfo } from "../resources";
import { splitPath } from "./router";

/** A request path resolved to a served resource. */
export interface ResourceTarget {
  info: ResourceInfo;
  /** Set for namespaced paths (…/namespaces/{ns}/…); undefined means all namespaces or cluster-scoped. */
  namespace?: string;
  name?: string;
  subresource?: string;
  /** Further segments after the subresource (node proxy paths). */
  rest: string[];
}

/** The group version a path addresses and the segments after it, or undefined when it is not an API path. */
function splitApiPrefix(segments: string[]): { groupVersion: string; tail: string[] } | undefined {
  if (segments[0] === "api" && segments.length >= 2) return { groupVersion: segments[1]!, tail: segments.slice(2) };
  if (segments[0] === "apis" && segments.length >= 3) return { groupVersion: `${segments[1]}/${segments[2]}`, tail: segments.slice(3) };
  return undefined;
}

/**
 * Resolves /api/v1/…, /apis/{group}/{version}/… to a resource, namespace, name and subresource.
 * Answers undefined for paths that name no served resource.
 */
export function parseResourcePath(pathname: string): ResourceTarget | undefined {
  const prefix = splitApiPrefix(splitPath(pathname).map(decodeSegment));
  if (!prefix || prefix.tail.length === 0) return undefined;
  const { groupVersion, tail } = prefix;
  if (tail[0] === "namespaces" && tail.length >= 3) {
    const info = findResource(groupVersion, tail[2]!);
    if (info?.namespaced) return target(info, tail[1]!, tail.slice(3));
  }
  const info = findResource(groupVersion, tail[0]!);
  if (!info) return undefined;
  // A namespaced resource listed across namespaces, or a cluster-scoped one.
  return target(info, undefined, tail.slice(1));
}

function target(info: ResourceInfo, namespace: string | undefined, after: string[]): ResourceTarget | undefined {
  if (after.some((s) => s === "")) return undefined;
  const [name, subresource, ...rest] = after;
  if (!info.namespaced && namespace !== undefined) return undefined;
  if (info.namespaced && namespace === undefined && name !== undefined) return undefined;
  return { info, namespace, name, subresource, rest };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
