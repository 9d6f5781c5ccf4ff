import { ApiError } from "./errors";

/** Largest request body a route accepts unless it says otherwise. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest query string (after "?"), in bytes. */
export const MAX_QUERY_BYTES = 8 * 1024;
/** Largest request line plus headers the HTTP server parses (Node answers 431 above it). */
export const MAX_HEADER_BYTES = 16 * 1024;

export function queryTooLong(target: string, limit = MAX_QUERY_BYTES): boolean {
  const mark = target.indexOf("?");
  return mark >= 0 && Buffer.byteLength(target.slice(mark + 1)) > limit;
}

export function tooLargeError(limit: number): ApiError {
  return new ApiError(413, "payload_too_large", `request body is larger than ${limit} bytes; send less at once`);
}

export function uriTooLongError(limit = MAX_QUERY_BYTES): ApiError {
  return new ApiError(414, "uri_too_long", `query string is longer than ${limit} bytes; narrow the request`);
}

/** Reads a body up to `limit` bytes, whether or not it declared its length; more is refused with 413. */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, declaredLength: string | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaredLength !== null && Number(declaredLength) > limit) throw tooLargeError(limit);
  if (!body) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLargeError(limit);
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
