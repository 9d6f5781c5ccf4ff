import { ApiError } from "@/server/http/errors";
import { readBodyWithin } from "@/server/http/limits";
import { log } from "@/server/log";
import type { Appender, AppendRejection, AppendResult, Storage } from "../../storage";
import { decodeWriteRequest, RemoteWriteError } from "./decodeWriteRequest";
import { validateWriteRequest, type WriteBatch } from "./validateWrite";

export interface ReceiveLimits {
  maxBodyBytes: number;
  maxDecodedBytes: number;
}

// Prometheus's own words for the samples its store refuses.
const rejectionWords: Record<AppendRejection, string> = {
  out_of_order: "out of order sample",
  duplicate_timestamp: "duplicate sample for timestamp",
  too_old: "too old sample",
  invalid_labels: "invalid labels",
};

/** Remote write 1.0 only: snappy encoding (assumed when absent) and a protobuf WriteRequest body. */
function checkHeaders(req: Request): void {
  const encoding = req.headers.get("content-encoding");
  if (encoding !== null && encoding.trim().toLowerCase() !== "snappy") {
    throw new RemoteWriteError(415, `${encoding} encoding (compression) is not accepted by this server; only snappy is acceptable`);
  }
  const type = req.headers.get("content-type");
  if (type === null) return;
  const [media = "", ...parameters] = type.split(";").map((part) => part.trim());
  if (media.toLowerCase() !== "application/x-protobuf") throw new RemoteWriteError(415, `expected application/x-protobuf as the first (media) part, got ${type} content-type`);
  const proto = parameters.find((p) => p.toLowerCase().startsWith("proto="))?.slice(6);
  if (proto !== undefined && proto !== "prometheus.WriteRequest") {
    throw new RemoteWriteError(415, `${proto} protobuf message is not accepted by this server; accepted [prometheus.WriteRequest]`);
  }
}

async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  try {
    return (await readBodyWithin(req.body, req.headers.get("content-length"), limit)) ?? new Uint8Array();
  } catch (error) {
    if (error instanceof ApiError && error.status === 413) throw new RemoteWriteError(400, `request body is larger than ${limit} bytes (--remote-write-max-body-bytes); send smaller batches`);
    throw error;
  }
}

// Prometheus answers 500 for a store that cannot write (full disk, failed log), so the sender keeps the batch and retries.
async function commitOrStorageError(appender: Appender): Promise<AppendResult> {
  try {
    return await appender.commit();
  } catch (error) {
    throw new RemoteWriteError(500, `storage error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// One appender for the whole request, committed once, so the request lands whole or (on a store error) not at all.
async function appendBatch(storage: Pick<Storage, "appender" | "setMetadata">, batch: WriteBatch): Promise<void> {
  const appender = storage.appender();
  try {
    for (const series of batch.series) {
      for (const s of series.samples) appender.append(series.labels, s.t, s.value);
      for (const h of series.histograms) appender.appendHistogram(series.labels, h.t, h.h);
    }
  } catch (error) {
    appender.rollback();
    throw error;
  }
  const result = await commitOrStorageError(appender);
  for (const [metric, metadata] of batch.metadata) storage.setMetadata(metric, metadata);
  const refused = Object.entries(result.rejected).filter(([, count]) => (count ?? 0) > 0) as [AppendRejection, number][];
  if (refused.length > 0) {
    const words = refused.map(([reason, count]) => `${rejectionWords[reason]} (${count})`).join(", ");
    throw new RemoteWriteError(400, `${words}: ${result.appended} of ${batch.sampleCount} samples stored, the refused ones dropped`);
  }
}

/** Answers one remote-write request: 204 when stored, else the status and reason in plain text as Prometheus does. */
export async function receiveRemoteWrite(req: Request, storage: Pick<Storage, "appender" | "setMetadata">, limits: ReceiveLimits): Promise<Response> {
  try {
    checkHeaders(req);
    const body = await readBody(req, limits.maxBodyBytes);
    const batch = validateWriteRequest(decodeWriteRequest(body, limits.maxDecodedBytes));
    await appendBatch(storage, batch);
    return new Response(null, { status: 204 });
  } catch (error) {
    if (!(error instanceof RemoteWriteError)) throw error;
    log.warn({ status: error.status, reason: error.message }, "remote write refused");
    return new Response(`${error.message}\n`, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  }
}
