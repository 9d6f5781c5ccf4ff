import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import type { DemoApi } from "./apiContext";
import { ApiError } from "./apiError";
import { readJson } from "./body";
import { formatRequirements, requirementsOf, type LabelSelectorSpec } from "./labelSelector";
import { field, isJson, num, record } from "./objectAccess";
import { applyPatch, patchTypeOf } from "./patch/applyPatch";
import type { ResourceTarget } from "./requestPath";
import { sendJson } from "./status";
import { commitWrite, mustGet } from "./updateHandler";

/** The autoscaling/v1 Scale view of a Deployment, ReplicaSet or StatefulSet. */
export function toScale(object: KubeObject): Record<string, unknown> {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const selector = field(object, "spec", "selector") as LabelSelectorSpec | undefined;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: num(field(object, "spec", "replicas")) },
    status: { replicas: num(field(object, "status", "replicas")), selector: formatRequirements(requirementsOf(selector)) },
  };
}

function replicasOf(scale: unknown, name: string): number {
  const replicas = field(scale, "spec", "replicas");
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw ApiError.invalid("Scale.autoscaling", name, "spec.replicas", `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`);
  }
  return replicas;
}

/** GET, PUT and PATCH of …/scale: reads and writes spec.replicas of the scaled object. */
export async function serveScale(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, dryRun: boolean): Promise<void> {
  const current = mustGet(api, target);
  if (req.method === "GET") {
    sendJson(res, 200, toScale(current));
    return;
  }
  const body = await readJson(req);
  const wanted = req.method === "PATCH" ? applyPatch(patchTypeOf(req.headers["content-type"]), toScale(current), body) : body;
  if (!isJson(wanted)) throw ApiError.badRequest("the request body must be a Scale object");
  const replicas = replicasOf(wanted, current.metadata.name);
  const resourceVersion = record(wanted.metadata).resourceVersion;
  const next = { ...current, metadata: { ...current.metadata, resourceVersion: typeof resourceVersion === "string" ? resourceVersion : undefined }, spec: { ...record(current.spec), replicas } };
  const written = commitWrite(api, target, current, next, "main", dryRun);
  sendJson(res, 200, toScale(written));
}
