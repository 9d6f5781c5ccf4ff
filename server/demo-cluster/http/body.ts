import type { IncomingMessage } from "node:http";
import { load } from "js-yaml";
import { ApiError } from "./apiError";
import { decodeKubernetesProtobuf } from "./protobuf/decodeProtobuf";

/** kube-apiserver's default limit for a request body. */
export const maxBodyBytes = 3 * 1024 * 1024;

/** Reads the whole body, refusing more than `limit` bytes with 413. */
export async function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads and parses a body; an empty body is `undefined`. JSON by default; protobuf (kubectl's typed
 * clients send it for creates, reviews and evictions) and YAML are read into the same JSON form.
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (raw.length === 0) return undefined;
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/vnd.kubernetes.protobuf") return decodeKubernetesProtobuf(raw);
  try {
    return mediaType === "application/yaml" ? load(raw.toString("utf8")) : JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw ApiError.badRequest(`the request body is not valid ${mediaType === "application/yaml" ? "YAML" : "JSON"}: ${(error as Error).message}`);
  }
}

/** Reads a JSON body that must be an object, as every Kubernetes write is. */
export async function readObjectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (!isRecord(body)) throw ApiError.badRequest("the request body must be a JSON object");
  return body;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "RequestEntityTooLarge", `Request entity too large: limit is ${limit}`);
}
