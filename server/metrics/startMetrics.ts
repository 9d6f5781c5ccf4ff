import path from "node:path";
import type { Config } from "../config";
import { log } from "../log";
import { PersonConcurrency } from "./api/personConcurrency";
import { loadWriterRule } from "./api/remoteWrite/writerAuth";
import { seriesSelectorParser } from "./api/seriesSelector";
import type { MetricsRuntime } from "./metricsRuntime";
import { createEngine } from "./promql/engine/createEngine";
import { formatExpr, parseExpr } from "./promql/parser";
import { headStats, openStorageWithReport } from "./tsdb";
import { watchStoreHealth } from "./storeHealthLog";

/** Prometheus's default lookback for instant selectors. */
const lookbackDeltaMs = 5 * 60_000;
const version = "0.1.0";

/** Opens the metrics store in `<data-dir>/metrics` (replaying its WAL) and builds the engine and the API around it. */
export async function startMetrics(config: Config): Promise<MetricsRuntime> {
  const writer = config.remoteWriteReceiver ? await loadWriterRule(config.remoteWriteReceiver) : undefined;
  const dir = path.resolve(config.dataDir, "metrics");
  const { storage, samplesReplayed } = await openStorageWithReport({
    dir,
    retentionMs: config.retentionTime,
    // 0 means no size limit, as Prometheus's --storage.tsdb.retention.size.
    retentionBytes: config.retentionSize > 0 ? config.retentionSize : undefined,
  });
  const health = storage.health();
  if (health.problems.length > 0) log.warn({ dir, problems: health.problems }, "metrics store opened with damage; the readable part is loaded");
  log.info({ dir, series: health.series, samplesReplayed, remoteWrite: writer?.kind ?? "off" }, "metrics store opened");
  const limits = { timeoutMs: config.queryTimeout, maxSamples: config.queryMaxSamples, maxPointsPerSeries: config.queryMaxPointsPerSeries, lookbackDeltaMs };
  const engine = createEngine(storage, { limits });
  watchStoreHealth(() => storage.health().problems, health.problems);
  return {
    storage,
    health: () => storage.health(),
    api: {
      engine,
      storage,
      parseSelector: seriesSelectorParser(parseExpr),
      formatQuery: (text) => formatExpr(parseExpr(text)),
      limits,
      now: () => Date.now(),
      version,
      tsdbStatus: (limit, scope) => headStats(storage.head, limit, scope),
    },
    concurrency: new PersonConcurrency(() => config.queryConcurrencyPerPerson),
    writer,
    receiveLimits: { maxBodyBytes: config.remoteWriteMaxBodyBytes, maxDecodedBytes: config.remoteWriteMaxDecodedBytes },
    queryMaxBodyBytes: config.queryMaxBodyBytes,
  };
}
