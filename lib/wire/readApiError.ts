import { codeForStatus, codeFromStatusReason, isApiErrorBody, type ApiErrorCode } from "./apiError";

// The one way clients read a failed answer: Orrery's error body, an apiserver Status passed through,
// or whatever a proxy put in front of Orrery answered (an HTML 502, an empty 504).

/** A failed request to Orrery's API, worded for a person; `status` and `code` are for retries and branching. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

const reasonPhrases: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

// What a person can do about a status when the answer itself does not say.
function hintFor(status: number): string {
  if (status === 401) return "; sign in again";
  if (status === 403) return "; your login may not do this";
  if (status === 408 || status === 504) return "; the request took too long, try again";
  if (status === 429) return "; wait a moment and try again";
  if (status === 502 || status === 503) return "; Orrery, or a proxy in front of it, is not answering: try again shortly";
  return "";
}

function statusLine(response: Response): string {
  const phrase = response.statusText || reasonPhrases[response.status];
  return `the server answered ${response.status}${phrase ? ` ${phrase}` : ""}`;
}

function oneLine(text: string, limit = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

// A proxy's error page says what happened in its <title> or first heading.
function htmlHeadline(html: string): string | undefined {
  const match = /<title[^>]*>([^<]*)</i.exec(html) ?? /<h1[^>]*>([^<]*)</i.exec(html);
  const headline = match?.[1] ? oneLine(match[1]) : "";
  return headline || undefined;
}

// A JSON body that is not Orrery's: a metav1.Status, or another server's {message} / {error: "..."}.
function fromForeignJson(response: Response, value: unknown): ApiRequestError | undefined {
  if (!value || typeof value !== "object") return undefined;
  const record = value as { kind?: unknown; reason?: unknown; message?: unknown; error?: unknown };
  const reason = typeof record.reason === "string" ? record.reason : undefined;
  if (record.kind === "Status") {
    const message = typeof record.message === "string" && record.message ? record.message : `the Kubernetes API answered ${response.status}${reason ? ` ${reason}` : ""}`;
    return new ApiRequestError(response.status, codeFromStatusReason(reason, response.status), message);
  }
  const text = typeof record.message === "string" ? record.message : typeof record.error === "string" ? record.error : undefined;
  return text ? new ApiRequestError(response.status, codeForStatus(response.status), oneLine(text, 500)) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error a failed response stands for, with a message a person can read; never throws. */
export async function readApiError(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => "");
  const code = codeForStatus(response.status);
  const json = parseJson(text);
  if (isApiErrorBody(json)) return new ApiRequestError(response.status, json.error.code, json.error.message);
  const foreign = fromForeignJson(response, json);
  if (foreign) return foreign;
  if (!text.trim()) return new ApiRequestError(response.status, code, `${statusLine(response)} without saying why${hintFor(response.status)}`);
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("html") || /^\s*</.test(text)) {
    const headline = htmlHeadline(text);
    return new ApiRequestError(response.status, code, `${statusLine(response)} with a web page${headline ? ` ("${headline}")` : ""} instead of Orrery's answer${hintFor(response.status)}`);
  }
  return new ApiRequestError(response.status, code, `${statusLine(response)}: "${oneLine(text)}"${hintFor(response.status)}`);
}

/** The JSON of a successful answer; a failure, or a 200 that is not JSON (a proxy's sign-in page), throws ApiRequestError. */
export async function readApiJson<T>(response: Response): Promise<T> {
  if (!response.ok) throw await readApiError(response);
  const text = await response.text();
  const json = parseJson(text);
  if (json === undefined) {
    const what = /^\s*</.test(text) ? "a web page" : text.trim() ? "something that is not JSON" : "nothing";
    throw new ApiRequestError(response.status, "unexpected_answer", `${statusLine(response)} with ${what} instead of Orrery's answer; a proxy in front of Orrery may want you to sign in, or reload the page`);
  }
  return json as T;
}
