import type { RequestAttributes } from "./rbacTypes";

// A port of kube-apiserver's RequestInfoFactory (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).

const specialVerbs = new Set(["proxy", "watch"]);
const namespaceSubresources = new Set(["status", "finalize"]);
const methodVerbs: Record<string, string> = { POST: "create", GET: "get", HEAD: "get", PUT: "update", PATCH: "patch", DELETE: "delete" };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function nonResource(method: string, path: string): RequestAttributes {
  return { verb: method.toLowerCase(), resourceRequest: false, path, apiGroup: "", apiVersion: "", resource: "", subresource: "", namespace: "", name: "" };
}

/** The name a list or watch is pinned to with fieldSelector=metadata.name=<name>, as RBAC resourceNames see it. */
function pinnedName(url: URL): string {
  const terms = (url.searchParams.get("fieldSelector") ?? "").split(",").map((term) => term.trim());
  const name = terms.map((term) => /^metadata\.name\s*==?\s*(.+)$/.exec(term)?.[1]).find((value) => value !== undefined) ?? "";
  return /^[^/%]+$/.test(name) && name !== "." && name !== ".." ? name : "";
}

/** Fills resource, name and subresource from the parts after the namespace, then turns collection gets into list/watch. */
function finishResource(info: RequestAttributes, parts: string[], url: URL): RequestAttributes {
  if (parts.length >= 3 && info.verb !== "proxy") info.subresource = parts[2]!;
  if (parts.length >= 2) info.name = parts[1]!;
  if (parts.length >= 1) info.resource = parts[0]!;
  if (info.name === "" && info.verb === "get") {
    const watch = url.searchParams.get("watch");
    info.verb = watch === "true" || watch === "1" ? "watch" : "list";
    info.name = pinnedName(url);
  }
  if (info.name === "" && info.verb === "delete") info.verb = "deletecollection";
  return info;
}

/** What an HTTP request asks the apiserver to do. */
export function requestAttributes(method: string, url: URL): RequestAttributes {
  const path = url.pathname;
  let parts = path.split("/").filter((part) => part !== "").map(decode);
  if (parts.length < 3 || (parts[0] !== "api" && parts[0] !== "apis")) return nonResource(method, path);
  const grouped = parts[0] === "apis";
  parts = parts.slice(1);
  if (grouped && parts.length < 3) return nonResource(method, path);
  const info: RequestAttributes = { ...nonResource(method, path), resourceRequest: true, apiGroup: grouped ? parts[0]! : "" };
  if (grouped) parts = parts.slice(1);
  info.apiVersion = parts[0]!;
  parts = parts.slice(1);
  if (specialVerbs.has(parts[0]!)) {
    if (parts.length < 2) return nonResource(method, path);
    info.verb = parts[0]!;
    parts = parts.slice(1);
  } else {
    info.verb = methodVerbs[method.toUpperCase()] ?? "";
  }
  if (parts[0] === "namespaces") {
    if (parts.length > 1) {
      info.namespace = parts[1]!;
      if (parts.length > 2 && !namespaceSubresources.has(parts[2]!)) parts = parts.slice(2);
    }
  }
  return finishResource(info, parts, url);
}
