// Failures talking to an apiserver, worded for the operator: which server, and why.

const networkReasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPIPE: "connection closed while sending",
  ABORT_ERR: "request aborted",
};

const tlsCodes = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO|ERR_OSSL_)/;

/** The apiserver could not be reached at all (refused, DNS, TLS, reset, aborted). */
export class KubeConnectionError extends Error {
  readonly code: string;
  readonly tls: boolean;
  constructor(readonly server: string, cause: unknown) {
    const code = errorCode(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    const tls = tlsCodes.test(code);
    const reason = networkReasons[code] ?? detail;
    const message = tls
      ? `TLS with the apiserver at ${server} failed: ${detail} (${code}); check certificate-authority and client certificates in the kubeconfig`
      : `cannot reach the apiserver at ${server}: ${reason} (${code})`;
    super(message, { cause });
    this.name = "KubeConnectionError";
    this.code = code;
    this.tls = tls;
  }
}

/** The kubeconfig's credentials could not be produced (exec plugin failed, token file missing, OIDC refresh failed). */
export class KubeCredentialsError extends Error {
  constructor(readonly server: string, cause: unknown) {
    super(`getting credentials for the apiserver at ${server} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "KubeCredentialsError";
  }
}

/** The apiserver answered with an HTTP error, usually carrying a metav1.Status. */
export class KubeApiError extends Error {
  constructor(
    readonly server: string,
    readonly status: number,
    /** metav1.Status `reason` when the body had one, e.g. "Forbidden", "Expired". */
    readonly reason: string | undefined,
    /** metav1.Status `message`, or the start of the body when it was not a Status. */
    readonly detail: string,
    /** Seconds from a Retry-After header, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`the apiserver at ${server} answered ${status}${reason ? ` ${reason}` : ""}: ${detail}${hintFor(status)}`);
    this.name = "KubeApiError";
  }
}

function hintFor(status: number): string {
  if (status === 401) return "; check the credentials in the kubeconfig";
  if (status === 403) return "; the identity Orrery uses lacks RBAC permission";
  return "";
}

export function errorCode(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: { name?: unknown } };
    // An abort caused by AbortSignal.timeout is a timeout, not a cancellation.
    if (cause?.name === "TimeoutError" || name === "TimeoutError") return "ETIMEDOUT";
    if (typeof code === "string") return code;
    if (name === "AbortError") return "ABORT_ERR";
  }
  return "UNKNOWN";
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Builds a KubeApiError from a failed response's body and headers. */
export function apiErrorFrom(server: string, status: number, body: string, headers: Record<string, string | string[] | undefined>): KubeApiError {
  const retryAfter = parseRetryAfter(headers["retry-after"]);
  try {
    const parsed = JSON.parse(body) as { kind?: string; reason?: string; message?: string };
    if (parsed && parsed.kind === "Status") return new KubeApiError(server, status, parsed.reason, parsed.message ?? "", retryAfter);
  } catch {
    // Not JSON: fall through and quote the body.
  }
  const snippet = body.trim().slice(0, 200) || "(empty body)";
  return new KubeApiError(server, status, undefined, snippet, retryAfter);
}
