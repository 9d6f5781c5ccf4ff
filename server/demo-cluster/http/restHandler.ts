import type { IncomingMessage, ServerResponse } from "node:http";
import { groupVersionOf, hasSubresource, storeKeyOf } from "../resources";
import type { ApiRequestContext, DemoApi } from "./apiContext";
import { ApiError } from "./apiError";
import { readJson, readObjectBody } from "./body";
import { serveCreate } from "./createHandler";
import { deleteObject, parseDeleteOptions } from "./deletion";
import { serveEviction } from "./evictionHandler";
import { serveList } from "./listHandler";
import { objectMatcher } from "./listPage";
import { parseListQuery } from "./listQuery";
import { negotiate } from "./negotiate";
import type { ResourceTarget } from "./requestPath";
import { serveReview } from "./reviewHandler";
import { serveScale } from "./scaleHandler";
import { withTypeMeta } from "./serialize";
import { sendJson } from "./status";
import { buildTable } from "./tables/printers";
import { mustGet, servePatch, servePut, type WritePart } from "./updateHandler";
import { serveWatch } from "./watchHandler";

const notFound = () => new ApiError(404, "NotFound", "the server could not find the requested resource");

function requireVerb(target: ResourceTarget, verb: string, method: string): void {
  if (!target.info.verbs.includes(verb)) throw ApiError.methodNotAllowed(method, target.info.plural);
}

/** Routes one request for a served resource to its verb's handler. */
export async function serveResource(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, ctx: ApiRequestContext): Promise<void> {
  const { info } = target;
  // Registered resources (metrics.k8s.io) only exist through the routes another part registers.
  if (info.backing === "registered" || target.rest.length > 0) throw notFound();
  if (info.backing === "review") {
    if (req.method !== "POST" || target.name !== undefined) throw ApiError.methodNotAllowed(req.method ?? "", info.plural);
    serveReview(res, api.store, target, await readObjectBody(req), ctx.identity);
    return;
  }
  const dryRun = ctx.url.searchParams.getAll("dryRun").includes("All");
  if (target.subresource !== undefined) return serveSubresource(req, res, api, target, ctx, dryRun);
  if (target.name === undefined) return serveCollection(req, res, api, target, ctx, dryRun);
  return serveItem(req, res, api, target, ctx, dryRun, "main");
}

async function serveCollection(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, ctx: ApiRequestContext, dryRun: boolean): Promise<void> {
  const method = req.method ?? "";
  if (method === "GET") {
    const query = parseListQuery(ctx.url.searchParams, target.info);
    const rendering = negotiate(req.headers.accept);
    requireVerb(target, query.watch ? "watch" : "list", method);
    return query.watch ? serveWatch(res, api, target, query, rendering) : serveList(res, api, target, query, rendering);
  }
  if (target.info.namespaced && target.namespace === undefined) throw ApiError.methodNotAllowed(method, target.info.plural);
  if (method === "POST") {
    requireVerb(target, "create", method);
    return serveCreate(res, api, target, await readObjectBody(req), dryRun);
  }
  if (method === "DELETE") {
    requireVerb(target, "deletecollection", method);
    return serveDeleteCollection(req, res, api, target, ctx);
  }
  throw ApiError.methodNotAllowed(method, target.info.plural);
}

async function serveItem(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, ctx: ApiRequestContext, dryRun: boolean, part: WritePart): Promise<void> {
  const method = req.method ?? "";
  switch (method) {
    case "GET": {
      requireVerb(target, "get", method);
      const object = withTypeMeta(mustGet(api, target), target.info);
      const rendering = negotiate(req.headers.accept);
      if (rendering.as !== "table") return sendJson(res, 200, object);
      const include = parseListQuery(ctx.url.searchParams, target.info).includeObject;
      return sendJson(res, 200, buildTable(target.info, [object], { include, version: rendering.version, withColumns: true, resourceVersion: object.metadata.resourceVersion }));
    }
    case "PUT":
      requireVerb(target, "update", method);
      return servePut(req, res, api, target, part, dryRun);
    case "PATCH":
      requireVerb(target, "patch", method);
      return servePatch(req, res, api, target, part, dryRun);
    case "DELETE": {
      requireVerb(target, "delete", method);
      const options = parseDeleteOptions(await readJson(req), ctx.url.searchParams);
      return sendJson(res, 200, withTypeMeta(deleteObject(api, target.info, mustGet(api, target), options), target.info));
    }
  }
  throw ApiError.methodNotAllowed(method, target.info.plural);
}

async function serveSubresource(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, ctx: ApiRequestContext, dryRun: boolean): Promise<void> {
  const sub = target.subresource!;
  if (target.name === undefined || !hasSubresource(target.info, sub)) throw notFound();
  const method = req.method ?? "";
  if (sub === "status" && ["GET", "PUT", "PATCH"].includes(method)) return serveItem(req, res, api, target, ctx, dryRun, "status");
  if (sub === "scale" && ["GET", "PUT", "PATCH"].includes(method)) return serveScale(req, res, api, target, dryRun);
  if (sub === "eviction" && method === "POST") return serveEviction(req, res, api, target, ctx.url.searchParams);
  // log, exec, attach and proxy are served by routes the logs/exec/simulation parts register.
  throw notFound();
}

async function serveDeleteCollection(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, ctx: ApiRequestContext): Promise<void> {
  const options = parseDeleteOptions(await readJson(req), ctx.url.searchParams);
  const query = parseListQuery(ctx.url.searchParams, target.info);
  const matches = objectMatcher(query.labels, query.fields);
  const key = storeKeyOf(target.info);
  const victims = api.store.list(key, target.namespace).filter(matches);
  const items = victims.map((o) => withTypeMeta(deleteObject(api, target.info, o, options), target.info));
  sendJson(res, 200, { kind: `${target.info.kind}List`, apiVersion: groupVersionOf(target.info), metadata: { resourceVersion: String(api.store.resourceVersion) }, items });
}
