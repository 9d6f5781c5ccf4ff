import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { KubeApiError, KubeConnectionError, KubeCredentialsError } from "../kube/errors";
import { log } from "../log";
import { apiErrorBody, codeFromStatusReason, type ApiErrorCode } from "@/lib/wire/apiError";

export type { ApiErrorBody, ApiErrorCode } from "@/lib/wire/apiError";

/** The one error type route handlers throw: a status, a code and a message worded for the person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  static badRequest(message: string): ApiError {
    return new ApiError(400, "bad_request", message);
  }
  static unauthenticated(message = "login required: sign in at /login, or send credentials with the request"): ApiError {
    return new ApiError(401, "unauthenticated", message);
  }
  static forbidden(message: string): ApiError {
    return new ApiError(403, "forbidden", message);
  }
  static notFound(message: string): ApiError {
    return new ApiError(404, "not_found", message);
  }
}

/** Headers every API response carries: never cached by shared caches, never sniffed as HTML. */
export const apiResponseHeaders: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** The one way the server answers a failure: `{ error: { code, message } }` (lib/wire/apiError.ts), never cached. */
export function errorResponse(status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(apiErrorBody(code, message), { status, headers: { ...apiResponseHeaders, ...headers } });
}

/** A metav1.Status carried by an error from the apiserver (KubeApiError, or client-node's ApiException body). */
function kubeStatusOf(error: unknown): { status: number; reason?: string; message: string; retryAfter?: number } | undefined {
  if (error instanceof KubeApiError) {
    return { status: error.status, reason: error.reason, message: error.detail, retryAfter: error.retryAfterSeconds };
  }
  if (!error || typeof error !== "object") return undefined;
  const { code, body } = error as { code?: unknown; body?: unknown };
  const status = parseStatusBody(body);
  if (typeof code === "number" && status) return { ...status, status: code };
  return undefined;
}

function parseStatusBody(body: unknown): { reason?: string; message: string } | undefined {
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== "object") return undefined;
  const status = value as { kind?: unknown; reason?: unknown; message?: unknown };
  if (status.kind !== "Status") return undefined;
  return { reason: typeof status.reason === "string" ? status.reason : undefined, message: typeof status.message === "string" ? status.message : "" };
}

function zodMessage(error: ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
  return `invalid request: ${first.join("; ")}`;
}

/** Maps any failure to a JSON response; unexpected errors are logged and answered 500 without internals. */
export function toErrorResponse(error: unknown, context: { method?: string; path?: string } = {}): Response {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.headers);
  if (error instanceof ZodError) return errorResponse(400, "bad_request", zodMessage(error));
  const kube = kubeStatusOf(error);
  if (kube && kube.status >= 400 && kube.status < 600) {
    const headers: Record<string, string> = kube.retryAfter !== undefined ? { "Retry-After": String(kube.retryAfter) } : {};
    return errorResponse(kube.status, codeFromStatusReason(kube.reason, kube.status), kube.message || `the Kubernetes API answered ${kube.status}`, headers);
  }
  if (error instanceof KubeConnectionError || error instanceof KubeCredentialsError) {
    log.warn({ err: error, ...context }, "request failed: apiserver unavailable");
    return errorResponse(502, "bad_gateway", "the Kubernetes API server could not be reached; try again shortly");
  }
  const incident = randomUUID();
  log.error({ err: error, incident, ...context }, "unexpected error in a route handler");
  return errorResponse(500, "internal", `internal error (incident ${incident}); the server log has the details`);
}
