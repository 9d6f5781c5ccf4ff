import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "@/server/kube/types";
import type { DemoApi } from "./apiContext";
import { ApiError } from "./apiError";
import { readObjectBody } from "./body";
import { deleteObject, parseDeleteOptions } from "./deletion";
import { computeBudget, coveredPods, isPodReady } from "./disruptionBudget";
import { field, isJson, str } from "./objectAccess";
import type { ResourceTarget } from "./requestPath";
import { sendJson } from "./status";
import { mustGet } from "./updateHandler";

/** Refuses with 429 when the pod's PodDisruptionBudget has no disruption left, as the eviction subresource does. */
function checkBudget(api: DemoApi, pod: KubeObject): void {
  const namespace = pod.metadata.namespace;
  const pdbs = api.store.list("policy/poddisruptionbudgets", namespace).filter((pdb) => coveredPods(pdb, [pod]).length > 0);
  if (pdbs.length === 0) return;
  if (pdbs.length > 1) throw new ApiError(500, "InternalError", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
  const pdb = pdbs[0]!;
  const budget = computeBudget(api.store, pdb, api.store.list("pods", namespace));
  const alwaysAllowUnhealthy = field(pdb, "spec", "unhealthyPodEvictionPolicy") === "AlwaysAllow";
  if (!isPodReady(pod) && (alwaysAllowUnhealthy || budget.healthy >= budget.desiredHealthy)) return;
  if (budget.allowed > 0) return;
  const message = `The disruption budget ${pdb.metadata.name} needs ${budget.desiredHealthy} healthy pods and has ${budget.healthy} currently`;
  throw new ApiError(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.", { causes: [{ reason: "DisruptionBudget", message }] });
}

export async function serveEviction(req: IncomingMessage, res: ServerResponse, api: DemoApi, target: ResourceTarget, params: URLSearchParams): Promise<void> {
  const body = await readObjectBody(req);
  if (body.kind !== undefined && body.kind !== "Eviction") throw ApiError.badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (Eviction)`);
  const bodyName = str(isJson(body.metadata) ? body.metadata.name : undefined);
  if (bodyName !== "" && bodyName !== target.name) throw ApiError.badRequest("name in URL does not match name in Eviction object");
  const pod = mustGet(api, target);
  const options = parseDeleteOptions(body.deleteOptions, params);
  const terminal = ["Succeeded", "Failed"].includes(String(field(pod, "status", "phase")));
  if (!terminal && !pod.metadata.deletionTimestamp && !api.faults?.evictionIgnoresBudgets) checkBudget(api, pod);
  deleteObject(api, target.info, pod, options);
  sendJson(res, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
}
