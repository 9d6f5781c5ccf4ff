import type { Appender, MetricMetadata, Querier, Storage } from "../storage";
import { Head, type HeadCounters } from "./head";
import { HeadAppender, type CommitLog } from "./headAppender";
import { HeadQuerier } from "./headQuerier";
import { MetadataStore } from "./metadataStore";
import { applyRetention, headChunkBytes, type RetentionOutcome, type RetentionPolicy } from "./retention";

const RETENTION_CHECK_MS = 60_000;

/** What the store reports about itself; `problems` lists what an operator should know (corrupt log, failed writes). */
export interface StoreHealth {
  ok: boolean;
  problems: string[];
  series: number;
  chunkBytes: number;
  counters: HeadCounters;
}

/** Optional disk side of the store: the write-ahead log, checkpoints and their upkeep. */
export interface Durability extends CommitLog {
  problems(): string[];
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** The metrics store: a head of active series, optionally backed by a data directory. */
export class TsdbStorage implements Storage {
  private readonly metadataStore = new MetadataStore();
  private readonly retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly head: Head,
    private readonly retention: RetentionPolicy = {},
    private durability?: Durability,
  ) {
    if (retention.retentionMs !== undefined || retention.retentionBytes !== undefined) {
      // Once a minute keeps the byte budget close without walking every series on each commit.
      this.retentionTimer = setInterval(() => this.applyRetention(), RETENTION_CHECK_MS);
      this.retentionTimer.unref();
    }
  }

  attachDurability(durability: Durability): void {
    this.durability = durability;
  }

  querier(): Querier {
    return new HeadQuerier(this.head);
  }

  appender(): Appender {
    return new HeadAppender(this.head, this.durability);
  }

  setMetadata(metric: string, metadata: MetricMetadata): void {
    this.metadataStore.set(metric, metadata);
  }

  metadata(metric?: string): Map<string, MetricMetadata[]> {
    return this.metadataStore.get(metric);
  }

  applyRetention(): RetentionOutcome {
    return applyRetention(this.head, this.retention);
  }

  /** Snapshots the head to the data directory and truncates the WAL (no-op in memory). */
  async checkpoint(): Promise<void> {
    await this.durability?.checkpoint();
  }

  health(): StoreHealth {
    const problems = this.durability?.problems() ?? [];
    return {
      ok: problems.length === 0,
      problems,
      series: this.head.seriesCount,
      chunkBytes: headChunkBytes(this.head),
      counters: { ...this.head.counters },
    };
  }

  async close(): Promise<void> {
    clearInterval(this.retentionTimer);
    await this.durability?.close();
  }
}

/** A store without a data directory (tests, `--no-metrics-dir`): everything is lost on exit. */
export function createMemoryStorage(retention: RetentionPolicy = {}): TsdbStorage {
  return new TsdbStorage(new Head(), retention);
}
