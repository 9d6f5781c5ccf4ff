import type { Storage } from "./storage";
import type { PromApiDeps } from "./api/apiTypes";
import type { PersonConcurrency } from "./api/personConcurrency";
import type { ReceiveLimits } from "./api/remoteWrite/receiveWrite";
import type { WriterRule } from "./api/remoteWrite/writerAuth";
import type { StoreHealth } from "./tsdb";

/** The metrics engine as the routes reach it through server/runtime.ts: one store per process. */
export interface MetricsRuntime {
  storage: Storage;
  /** The store's own report: damage found at start, failing WAL writes or checkpoints. */
  health(): StoreHealth;
  /** The Prometheus API's engine, store, parser and limits. */
  api: PromApiDeps;
  concurrency: PersonConcurrency;
  /** Who may push with remote write; undefined when the receiver is off. */
  writer: WriterRule | undefined;
  receiveLimits: ReceiveLimits;
  queryMaxBodyBytes: number;
}
