import { log } from "@/server/log";
import { fullJitterDelay, retryDelay, sleep } from "./backoff";
import type { ClusterConnection } from "./connect";
import { apiErrorFrom, KubeApiError } from "./errors";
import { KindStore } from "./kindStore";
import { listAllPages } from "./listPager";
import { prepareObject } from "./objects";
import { applyWatchEvent, reconcile, type ObjectChange } from "./reconcile";
import type { ResourceKindInfo } from "./resources";
import { defaultInformerTimings, type InformerTimings } from "./timings";
import { readWatchEvents, type RawWatchEvent } from "./watchStream";

export type SyncState = "syncing" | "live" | "stale" | "error";

export interface InformerStatus {
  state: SyncState;
  /** Why the kind is stale or in error, naming the apiserver. */
  reason?: string;
  resourceVersion?: string;
  /** When the last full list finished (ISO time). */
  syncedAt?: string;
  count: number;
}

export interface InformerEvents {
  onChanges(changes: readonly ObjectChange[]): void;
  onStatus(status: InformerStatus): void;
  onFirstSync(): void;
}

type WatchEnding = "ended" | "gone" | "stalled";

interface WatchOutcome {
  ending: WatchEnding;
  /** Lines received: events and bookmarks. */
  lines: number;
  durationMs: number;
}

/**
 * One kind's list/watch loop: paged list, watch from its resourceVersion with bookmarks,
 * relist on 410 (reconciled, no ghosts), backoff with jitter on failures, re-watch on stalls. Never gives up.
 */
export class Informer {
  readonly store = new KindStore();
  private state: SyncState = "syncing";
  private reason: string | undefined;
  private resourceVersion: string | undefined;
  private syncedAt: string | undefined;
  private everSynced = false;
  private readonly stopController = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly connection: ClusterConnection,
    readonly info: ResourceKindInfo,
    private readonly events: InformerEvents,
    private readonly timings: InformerTimings = defaultInformerTimings,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    await this.running;
  }

  status(): InformerStatus {
    return { state: this.state, reason: this.reason, resourceVersion: this.resourceVersion, syncedAt: this.syncedAt, count: this.store.size };
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private async run(): Promise<void> {
    let needList = true;
    let attempt = 0;
    let listFailures = 0;
    while (!this.stopped) {
      try {
        const listedNow = needList;
        if (needList) await this.listAndReconcile();
        needList = false;
        listFailures = 0;
        const outcome = await this.watchOnce();
        if (this.stopped) break;
        needList = outcome.ending === "gone";
        attempt = this.isProductive(outcome, listedNow) ? 0 : attempt + 1;
        if (outcome.ending === "stalled") this.setState("stale", this.withServer(`watch stalled: no event or bookmark for ${this.stallMs() / 1000}s; re-watching`));
        if (attempt > 0) await sleep(fullJitterDelay(attempt, this.timings.backoff), this.stopController.signal);
      } catch (error) {
        if (this.stopped) break;
        attempt++;
        if (needList) listFailures++;
        this.recordFailure(error, needList, listFailures);
        const delay = retryDelay(error, attempt, this.timings.backoff);
        log.debug({ kind: this.info.kind, apiserver: this.connection.server, delayMs: delay, attempt }, "retrying after failure");
        await sleep(delay, this.stopController.signal);
      }
    }
  }

  // A watch that ends at once with nothing in it (or a 410 right after a fresh list) must not loop hot.
  private isProductive(outcome: WatchOutcome, listedNow: boolean): boolean {
    if (outcome.ending === "gone") return !listedNow || outcome.lines > 0;
    return outcome.lines > 0 || outcome.durationMs >= this.timings.minWatchMs;
  }

  private async listAndReconcile(): Promise<void> {
    const paging = { pageSize: this.timings.pageSize, pageTimeoutMs: this.timings.listPageTimeoutMs };
    const result = await listAllPages(this.connection, this.info, paging, this.stopController.signal);
    if (this.stopped) return;
    const changes = reconcile(this.store, result.items);
    this.resourceVersion = result.resourceVersion;
    this.syncedAt = new Date().toISOString();
    if (changes.length > 0) this.events.onChanges(changes);
    const first = !this.everSynced;
    this.everSynced = true;
    this.setState("live");
    if (first) this.events.onFirstSync();
  }

  private async watchOnce(): Promise<WatchOutcome> {
    const controller = new AbortController();
    const onStop = () => controller.abort();
    this.stopController.signal.addEventListener("abort", onStop, { once: true });
    let stalled = false;
    const stall = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, this.stallMs());
    const started = Date.now();
    let lines = 0;
    const outcome = (ending: WatchEnding): WatchOutcome => ({ ending, lines, durationMs: Date.now() - started });
    try {
      const response = await this.connection.request(this.watchPath(), { signal: controller.signal });
      if (response.status === 410) return outcome("gone");
      if (response.status !== 200) throw apiErrorFrom(this.connection.server, response.status, await response.text(), response.headers);
      this.setState("live");
      for await (const event of readWatchEvents(response.body, (length) => this.logPartialLine(length))) {
        stall.refresh();
        lines++;
        if (this.handleWatchEvent(event) === "gone") return outcome("gone");
      }
      return outcome("ended");
    } catch (error) {
      if (stalled && !this.stopped) return outcome("stalled");
      throw error;
    } finally {
      clearTimeout(stall);
      this.stopController.signal.removeEventListener("abort", onStop);
      controller.abort();
    }
  }

  private handleWatchEvent(event: RawWatchEvent): "ok" | "gone" {
    if (event.type === "ERROR") {
      const status = event.object as { code?: number; reason?: string; message?: string };
      if (status.code === 410 || status.reason === "Expired" || status.reason === "Gone") return "gone";
      throw new KubeApiError(this.connection.server, status.code ?? 500, status.reason, status.message ?? "the watch sent an ERROR event");
    }
    if (event.type === "BOOKMARK") {
      const meta = event.object.metadata as { resourceVersion?: unknown } | undefined;
      if (typeof meta?.resourceVersion === "string" && meta.resourceVersion !== "") this.resourceVersion = meta.resourceVersion;
      return "ok";
    }
    const object = prepareObject(event.object, this.info);
    const changes = applyWatchEvent(this.store, event.type, object);
    if (object.metadata.resourceVersion) this.resourceVersion = object.metadata.resourceVersion;
    if (changes.length > 0) this.events.onChanges(changes);
    return "ok";
  }

  private watchPath(): string {
    const [min, max] = this.timings.watchTimeoutSeconds;
    // Spread re-watches over time so all kinds (and all replicas) do not reconnect together.
    const timeoutSeconds = Math.round(min + Math.random() * (max - min));
    const rv = encodeURIComponent(this.resourceVersion ?? "");
    return `${this.info.listPath()}?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}&timeoutSeconds=${timeoutSeconds}`;
  }

  private stallMs(): number {
    return this.timings.bookmarkIntervalMs * this.timings.stallFactor;
  }

  private recordFailure(error: unknown, duringList: boolean, listFailures: number): void {
    const reason = this.withServer(error instanceof Error ? error.message : String(error));
    // A list failing before anything was cached, or failing again and again, is an error; else the data is just stale.
    const broken = duringList && (!this.everSynced || listFailures >= this.timings.listFailuresBeforeError);
    this.setState(broken ? "error" : "stale", reason);
  }

  private withServer(message: string): string {
    return message.includes(this.connection.server) ? message : `${message} (apiserver ${this.connection.server})`;
  }

  private setState(state: SyncState, reason?: string): void {
    if (state === this.state && reason === this.reason) return;
    const previous = this.state;
    this.state = state;
    this.reason = reason;
    const fields = { kind: this.info.kind, apiserver: this.connection.server, reason, from: previous, to: state };
    const message = `${this.info.kind} cache: ${previous} → ${state}`;
    // Retries that only change the reason go to debug; each change of state is logged once.
    if (state === previous) log.debug(fields, `${this.info.kind} cache still ${state}`);
    else if (state === "stale" || state === "error") log.warn(fields, message);
    else if (previous === "syncing") log.debug(fields, message);
    else log.info(fields, message);
    this.events.onStatus(this.status());
  }

  private logPartialLine(length: number): void {
    log.debug({ kind: this.info.kind, apiserver: this.connection.server, length }, "discarded a watch line cut off by the connection");
  }
}
