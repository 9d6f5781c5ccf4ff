import { PromQLError, type PromErrorType } from "../promql/values";

/** Prometheus's status code for each error type (web/api/v1 respondError). */
const statusOfType: Record<PromErrorType, number> = {
  bad_data: 400,
  execution: 422,
  canceled: 503,
  timeout: 503,
  unavailable: 503,
  internal: 500,
  not_found: 404,
};

/** Warnings and infos as the API lists them; absent when empty, as Prometheus leaves them out. */
export interface Annotations {
  warnings?: readonly string[];
  infos?: readonly string[];
}

const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function annotationFields({ warnings = [], infos = [] }: Annotations): Record<string, readonly string[]> {
  return { ...(warnings.length > 0 ? { warnings } : {}), ...(infos.length > 0 ? { infos } : {}) };
}

/** `{"status":"success","data":…}` with warnings and infos when there are some. */
export function promSuccess(data: unknown, annotations: Annotations = {}): Response {
  return Response.json({ status: "success", data, ...annotationFields(annotations) }, { headers });
}

/** `{"status":"error","errorType":…,"error":…}` with Prometheus's status code for the type. */
export function promError(type: PromErrorType, message: string, options: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json({ status: "error", errorType: type, error: message }, { status: options.status ?? statusOfType[type], headers: { ...headers, ...options.headers } });
}

/**
 * The PromQLError in `error`, also when it was made by another bundle's copy of the class: the engine runs in the
 * custom server's bundle, the routes in Next's, so `instanceof` alone misses the engine's errors.
 */
export function promQLErrorOf(error: unknown): PromQLError | undefined {
  if (error instanceof PromQLError) return error;
  if (!(error instanceof Error) || error.name !== "PromQLError") return undefined;
  const { type, position } = error as Error & { type?: unknown; position?: { start: number; end: number } };
  if (typeof type !== "string" || !(type in statusOfType)) return undefined;
  return new PromQLError(type as PromErrorType, error.message, position);
}

/** A bad request parameter in Prometheus's words: `invalid parameter "step": …`. */
export function invalidParameter(name: string, reason: string): PromQLError {
  return new PromQLError("bad_data", `invalid parameter ${JSON.stringify(name)}: ${reason}`);
}

export function badData(message: string): PromQLError {
  return new PromQLError("bad_data", message);
}
