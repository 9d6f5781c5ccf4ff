import { createHash } from "node:crypto";
import { groupVersions, type ResourceInfo } from "../resources";
import { serverVersion } from "./discovery";

/*
 * What kubectl needs from OpenAPI, and nothing more:
 * - `kubectl apply/create` (validate=strict by default) asks /openapi/v3 whether PATCH of the kind
 *   accepts the `fieldValidation` query parameter. The per-group documents below say yes for every
 *   served kind, so kubectl skips client-side schema validation and sends fieldValidation=Strict,
 *   which the demo accepts (it checks names, selectors and required fields, not unknown fields).
 * - The documents carry no component schemas, so `kubectl apply` computes its strategic merge patch
 *   from the Go types built into kubectl — correct for every built-in kind.
 * - /openapi/v2 answers 404: kubectl only falls back to it when v3 is missing, and treats 404 as
 *   "no schema" rather than an error. `kubectl explain` therefore has nothing to show.
 */

const fieldValidationParam = { name: "fieldValidation", in: "query", schema: { type: "string", uniqueItems: true } };

function pathsFor(info: ResourceInfo): [string, unknown][] {
  const prefix = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const collection = info.namespaced ? `${prefix}/namespaces/{namespace}/${info.plural}` : `${prefix}/${info.plural}`;
  const gvk = { group: info.group, version: info.version, kind: info.kind };
  const operation = (verb: string) => ({
    operationId: `${verb}${info.kind}`,
    parameters: [fieldValidationParam],
    responses: { "200": { description: "OK" } },
    "x-kubernetes-action": verb,
    "x-kubernetes-group-version-kind": gvk,
  });
  const writable = info.verbs.includes("patch");
  const item = writable ? { patch: operation("patch"), put: operation("put") } : {};
  return [
    [collection, info.verbs.includes("create") ? { post: operation("post") } : {}],
    [`${collection}/{name}`, item],
  ];
}

function documentFor(group: string, version: string, resources: ResourceInfo[]): Record<string, unknown> {
  const paths = Object.fromEntries(resources.filter((r) => r.backing !== "registered").flatMap(pathsFor));
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: serverVersion.gitVersion }, paths, components: { schemas: {} }, "x-group-version": group ? `${group}/${version}` : version };
}

interface OpenApiDocs {
  index: Record<string, unknown>;
  byPath: Map<string, string>;
}

function buildDocs(): OpenApiDocs {
  const byPath = new Map<string, string>();
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions()) {
    const key = gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
    const text = JSON.stringify(documentFor(gv.group, gv.version, gv.resources));
    const hash = createHash("sha512").update(text).digest("hex").slice(0, 128).toUpperCase();
    byPath.set(`/openapi/v3/${key}`, text);
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { index: { paths }, byPath };
}

let docs: OpenApiDocs | undefined;

/** The /openapi/v3 answer for `pathname`: the index, one group version's document, or undefined (404). */
export function openApiDocument(pathname: string): string | undefined {
  docs ??= buildDocs();
  if (pathname === "/openapi/v3" || pathname === "/openapi/v3/") return JSON.stringify(docs.index);
  return docs.byPath.get(pathname);
}
