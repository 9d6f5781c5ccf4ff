// The one error body of Orrery's HTTP API, for the server that writes it and every client that reads it.
// Kept free of zod (like stream.ts): pages import this file, and isApiErrorBody is its one check.

/** Machine-readable error codes; `message` carries the human sentence. Kubernetes reasons arrive snake_cased ("not_found"). */
export type ApiErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "length_required"
  | "payload_too_large"
  | "uri_too_long"
  | "misdirected_request"
  | "unprocessable"
  | "too_many_requests"
  | "internal"
  | "bad_gateway"
  | "unavailable"
  | (string & {});

/** The JSON body of every failed API response: `{"error":{"code":"not_found","message":"pods \"x\" not found"}}`. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    /** One sentence worded for the person: what was wrong and what to do. */
    message: string;
  };
}

export function apiErrorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (!value || typeof value !== "object") return false;
  const error = (value as { error?: unknown }).error;
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && typeof message === "string";
}

/** A metav1.Status `reason` as an error code: "NotFound" → "not_found"; no reason gives a code from the status. */
export function codeFromStatusReason(reason: string | undefined, status: number): ApiErrorCode {
  if (!reason) return status >= 500 ? "bad_gateway" : "kubernetes_error";
  return reason.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** The code Orrery uses for a status when nothing more precise is known (upgrade refusals, foreign answers). */
export function codeForStatus(status: number): ApiErrorCode {
  return statusCodes[status] ?? (status >= 500 ? "unavailable" : "bad_request");
}

const statusCodes: Record<number, ApiErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  411: "length_required",
  413: "payload_too_large",
  414: "uri_too_long",
  421: "misdirected_request",
  422: "unprocessable",
  429: "too_many_requests",
  500: "internal",
  502: "bad_gateway",
  503: "unavailable",
  504: "unavailable",
};
