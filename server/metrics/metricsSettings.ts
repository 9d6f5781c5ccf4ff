import { z } from "zod";

const durationUnitsMs: Record<string, number> = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
const promDurationPattern = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds in a Prometheus duration ("15d", "2m", "1h30m"); undefined when it is not one. */
export function parsePromDuration(text: string): number | undefined {
  const m = promDurationPattern.exec(text.trim());
  if (!m || text.trim() === "") return undefined;
  const ms = ["y", "w", "d", "h", "m", "s", "ms"].reduce((sum, unit, i) => sum + Number(m[i + 1] ?? 0) * durationUnitsMs[unit]!, 0);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

// Powers of 1024 under the names Prometheus's --storage.tsdb.retention.size uses, and the binary spellings.
const byteUnits: Record<string, number> = { b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30, tb: 2 ** 40, pb: 2 ** 50, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };

/** Bytes in a size like "512MB", "16MiB" or "1048576"; undefined when it is not one. */
export function parseByteSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = byteUnits[(m[2] ?? "").toLowerCase() || "b"];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

function fromText(parse: (text: string) => number | undefined, min: number) {
  return z.union([z.number(), z.string()]).transform((value, ctx) => {
    const parsed = typeof value === "number" ? value : parse(value);
    if (parsed === undefined || parsed < min) {
      ctx.addIssue({ code: "custom", message: "out of range" });
      return z.NEVER;
    }
    return parsed;
  });
}

const durationMs = (defaultMs: number, min = 1) => fromText(parsePromDuration, min).default(defaultMs);
const byteSize = (defaultBytes: number, min = 1) => fromText(parseByteSize, min).default(defaultBytes);

/** Who may push with remote write: members of a group, or holders of the bearer token in a file. */
export type RemoteWriteReceiverSetting = { kind: "group"; group: string } | { kind: "token-file"; path: string };

export function parseReceiverSetting(text: string): RemoteWriteReceiverSetting | undefined {
  const m = /^(group|token-file):(.+)$/.exec(text.trim());
  if (!m) return undefined;
  return m[1] === "group" ? { kind: "group", group: m[2]! } : { kind: "token-file", path: m[2]! };
}

const receiverSchema = z.string().transform((text, ctx) => {
  const parsed = parseReceiverSetting(text);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "not group:<name> or token-file:<path>" });
    return z.NEVER;
  }
  return parsed;
});

/** The metrics engine's settings (store, query limits, remote-write receiver), spread into server/config.ts. */
export const metricsSettings = {
  retentionTime: { flag: "retention-time", env: "ORRERY_RETENTION_TIME", schema: durationMs(15 * 86_400_000), help: "how long the metrics store keeps samples, a duration like 15d, 12h or 4w (default 15d)" },
  retentionSize: { flag: "retention-size", env: "ORRERY_RETENTION_SIZE", schema: byteSize(0, 0), help: "most bytes the metrics store keeps on disk, oldest blocks dropped first, e.g. 10GB (powers of 1024); 0 (default) means no size limit" },
  queryTimeout: { flag: "query-timeout", env: "ORRERY_QUERY_TIMEOUT", schema: durationMs(120_000), help: "longest a PromQL query may run before it ends with a timeout error, e.g. 30s or 2m (default 2m)" },
  queryMaxSamples: { flag: "query-max-samples", env: "ORRERY_QUERY_MAX_SAMPLES", schema: z.coerce.number().int().min(1).max(1e12).default(50_000_000), help: "most samples one PromQL query may hold in memory at once (default 50000000, as Prometheus)" },
  queryMaxPointsPerSeries: { flag: "query-max-points-per-series", env: "ORRERY_QUERY_MAX_POINTS_PER_SERIES", schema: z.coerce.number().int().min(1).max(1e7).default(11_000), help: "most points per series of a range query; a smaller step is refused (default 11000, as Prometheus)" },
  queryConcurrencyPerPerson: { flag: "query-concurrency-per-person", env: "ORRERY_QUERY_CONCURRENCY_PER_PERSON", schema: z.coerce.number().int().min(1).max(1000).default(4), help: "queries one person may run at once; one more is refused at once with a 503 (default 4), 1-1000" },
  queryMaxBodyBytes: { flag: "query-max-body-bytes", env: "ORRERY_QUERY_MAX_BODY_BYTES", schema: byteSize(1 << 20), help: "largest POST form body of a Prometheus API query, e.g. 1MiB (default)" },
  remoteWriteReceiver: { flag: "remote-write-receiver", env: "ORRERY_REMOTE_WRITE_RECEIVER", schema: receiverSchema.optional(), help: "turns on /api/prom/api/v1/write for group:<name> (logged-in members of the group) or token-file:<path> (senders of the bearer token in that file); off by default" },
  remoteWriteMaxBodyBytes: { flag: "remote-write-max-body-bytes", env: "ORRERY_REMOTE_WRITE_MAX_BODY_BYTES", schema: byteSize(16 << 20), help: "largest compressed remote-write request, e.g. 16MiB (default)" },
  remoteWriteMaxDecodedBytes: { flag: "remote-write-max-decoded-bytes", env: "ORRERY_REMOTE_WRITE_MAX_DECODED_BYTES", schema: byteSize(64 << 20), help: "largest remote-write request once decompressed, e.g. 64MiB (default)" },
} as const;
