import type { ServerResponse } from "node:http";

export type StatusReason =
  | "BadRequest" | "Unauthorized" | "Forbidden" | "NotFound" | "MethodNotAllowed" | "AlreadyExists"
  | "Conflict" | "Gone" | "Expired" | "Invalid" | "TooManyRequests" | "InternalError" | "NotAcceptable" | "UnsupportedMediaType"
  | "RequestEntityTooLarge" | "Timeout";

/** A metav1.Status body, the shape every Kubernetes error takes. */
export function statusBody(code: number, reason: StatusReason, message: string, details?: Record<string, unknown>) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code };
}

export function sendStatus(res: ServerResponse, code: number, reason: StatusReason, message: string, details?: Record<string, unknown>): void {
  sendJson(res, code, statusBody(code, reason, message, details));
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}
