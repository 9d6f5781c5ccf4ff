import { ApiError } from "./apiError";

/** What a continue token carries: the list's resourceVersion and the key to resume after. */
export interface ContinueToken {
  rv: number;
  /** The sort key ("namespace/name") of the last item returned. */
  after: string;
}

// Same envelope as kube-apiserver ({"v":"meta.k8s.io/v1","rv":…,"start":…}), base64-encoded; clients treat it as opaque.
export function encodeContinue(token: ContinueToken): string {
  const body = JSON.stringify({ v: "meta.k8s.io/v1", rv: token.rv, start: `${token.after}\u0000` });
  return Buffer.from(body, "utf8").toString("base64");
}

export function decodeContinue(text: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    throw invalid("it is not base64-encoded JSON");
  }
  const { v, rv, start } = (parsed ?? {}) as { v?: unknown; rv?: unknown; start?: unknown };
  if (v !== "meta.k8s.io/v1") throw invalid("the encoded version is not meta.k8s.io/v1");
  if (typeof rv !== "number" || !Number.isInteger(rv) || typeof start !== "string" || !start.endsWith("\u0000")) {
    throw invalid("it does not carry a resource version and a start key");
  }
  return { rv, after: start.slice(0, -1) };
}

function invalid(why: string): ApiError {
  return ApiError.badRequest(`continue key is not valid: ${why}`);
}

/** The message kube-apiserver sends with 410 for a continue token whose version was compacted. */
export const expiredContinueMessage =
  "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";
