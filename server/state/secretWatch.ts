import { log } from "../log";
import { fullJitterDelay, retryDelay, sleep, type BackoffTimings } from "../kube/backoff";
import type { ClusterConnection } from "../kube/connect";
import { apiErrorFrom, KubeApiError } from "../kube/errors";
import { readWatchEvents } from "../kube/watchStream";
import { formatSecretRef, secretWatchPath, type SecretRef } from "./secretRef";
import type { SecretObject } from "./secretObject";

export interface SecretWatchHandlers {
  /** Where the next watch starts: the resourceVersion of the Secret last read. */
  resourceVersion(): string;
  onSecret(secret: SecretObject): void;
  onDeleted(): void;
}

export interface SecretWatchTimings {
  backoff: BackoffTimings;
  /** The apiserver ends each watch after this long; the next one starts where it ended. */
  timeoutSeconds: number;
  /** A watch that sends nothing, not even a bookmark, for this long is dropped and opened again. */
  stallMs: number;
}

export const defaultSecretWatchTimings: SecretWatchTimings = { backoff: { baseMs: 500, capMs: 30_000 }, timeoutSeconds: 300, stallMs: 330_000 };

type Ending = "ended" | "gone" | "stalled";

/**
 * Watches one Secret by name for as long as it runs: reconnects with backoff from the last version seen;
 * after 410 Gone (that version is compacted away) starts again from the Secret as it is now.
 */
export class SecretWatch {
  private readonly stopper = new AbortController();
  private running: Promise<void> | undefined;
  private bookmark: string | undefined;
  private fromNow = false;

  constructor(
    private readonly connection: ClusterConnection,
    private readonly ref: SecretRef,
    private readonly handlers: SecretWatchHandlers,
    private readonly timings: SecretWatchTimings = defaultSecretWatchTimings,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let quickEnds = 0;
    while (!this.stopper.signal.aborted) {
      try {
        const started = Date.now();
        const ending = await this.watchOnce();
        // The Secret's own resourceVersion may be older than the compaction too: start from its current state.
        if (ending === "gone") this.fromNow = true;
        failures = 0;
        // A watch that ends at once, again and again, must not loop hot.
        quickEnds = Date.now() - started < 1_000 ? quickEnds + 1 : 0;
        if (quickEnds > 0) await sleep(fullJitterDelay(quickEnds, this.timings.backoff), this.stopper.signal);
      } catch (error) {
        if (this.stopper.signal.aborted) break;
        failures++;
        const fields = { err: error, secret: formatSecretRef(this.ref), attempt: failures };
        if (failures === 1) log.warn(fields, "the watch of the state Secret failed; retrying (changes by other replicas arrive late meanwhile)");
        else log.debug(fields, "the watch of the state Secret failed again");
        await sleep(retryDelay(error, failures, this.timings.backoff), this.stopper.signal);
      }
    }
  }

  private async watchOnce(): Promise<Ending> {
    const controller = new AbortController();
    const onStop = () => controller.abort();
    this.stopper.signal.addEventListener("abort", onStop, { once: true });
    let stalled = false;
    const stall = setTimeout(() => ((stalled = true), controller.abort()), this.timings.stallMs);
    try {
      const from = this.fromNow ? undefined : this.bookmark ?? this.handlers.resourceVersion();
      const response = await this.connection.request(secretWatchPath(this.ref, from, this.timings.timeoutSeconds), { signal: controller.signal });
      if (response.status === 410) return "gone";
      if (response.status !== 200) throw apiErrorFrom(this.connection.server, response.status, await response.text(), response.headers);
      for await (const event of readWatchEvents(response.body)) {
        stall.refresh();
        const rv = (event.object.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;
        if (event.type === "ERROR") {
          const status = event.object as { code?: number; reason?: string; message?: string };
          if (status.code === 410 || status.reason === "Expired" || status.reason === "Gone") return "gone";
          throw new KubeApiError(this.connection.server, status.code ?? 500, status.reason, status.message ?? "the watch sent an ERROR event");
        }
        if (event.type === "DELETED") this.handlers.onDeleted();
        else if (event.type !== "BOOKMARK") this.handlers.onSecret(event.object as unknown as SecretObject);
        if (typeof rv === "string" && rv !== "") {
          this.bookmark = rv;
          this.fromNow = false;
        }
      }
      return "ended";
    } catch (error) {
      if (stalled && !this.stopper.signal.aborted) return "stalled";
      if (this.stopper.signal.aborted) return "ended";
      throw error;
    } finally {
      clearTimeout(stall);
      this.stopper.signal.removeEventListener("abort", onStop);
      controller.abort();
    }
  }
}
