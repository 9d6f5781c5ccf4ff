import type { ServerResponse } from "node:http";
import { log } from "@/server/log";
import { StoreError } from "../store";
import { sendJson, statusBody, type StatusReason } from "./status";

/** Reasons kube-apiserver uses that status.ts does not list yet. */
export type ApiReason = StatusReason | "RequestEntityTooLarge" | "Timeout" | "ServiceUnavailable";

/** A failure that becomes a metav1.Status answer with this code and reason. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: ApiReason,
    message: string,
    readonly details?: Record<string, unknown>,
    /** ListMeta for the Status, e.g. a fresh continue token with an expired one. */
    readonly listMeta?: Record<string, unknown>,
  ) {
    super(message);
  }

  static badRequest(message: string): ApiError {
    return new ApiError(400, "BadRequest", message);
  }

  static notFound(qualifiedResource: string, name: string, group?: string): ApiError {
    const details = { name, ...(group ? { group } : {}), kind: qualifiedResource.split(".")[0] };
    return new ApiError(404, "NotFound", `${qualifiedResource} "${name}" not found`, details);
  }

  static methodNotAllowed(method: string, what: string): ApiError {
    return new ApiError(405, "MethodNotAllowed", `the server does not allow this method on the requested resource: ${method} ${what}`);
  }

  static invalid(kind: string, name: string, field: string, message: string): ApiError {
    const details = { name, kind, causes: [{ reason: "FieldValueInvalid", message, field }] };
    return new ApiError(422, "Invalid", `${kind} "${name}" is invalid: ${field}: ${message}`, details);
  }
}

/** The metav1.Status body for any thrown value; unknown errors are logged and hidden. */
export function statusOf(error: unknown): { code: number; body: Record<string, unknown> } {
  if (error instanceof ApiError) {
    const body = buildStatus(error.code, error.reason, error.message, error.details);
    return { code: error.code, body: error.listMeta ? { ...body, metadata: error.listMeta } : body };
  }
  if (error instanceof StoreError) return { code: error.code, body: buildStatus(error.code, error.reason, error.message) };
  log.error({ err: error }, "demo apiserver: unexpected error");
  return { code: 500, body: buildStatus(500, "InternalError", "Internal error occurred: the demo apiserver failed; see its log") };
}

export function buildStatus(code: number, reason: ApiReason, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  // statusBody owns the shape; only the reason is widened here.
  return { ...statusBody(code, "BadRequest", message, details), reason };
}

/** Answers with the Status for `error`, unless the response has already started. */
export function sendError(res: ServerResponse, error: unknown): void {
  const { code, body } = statusOf(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, code, body);
}
