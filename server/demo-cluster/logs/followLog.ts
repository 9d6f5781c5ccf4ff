import type { ObjectStore, StoreEvent } from "../store";
import { finishedVersionOf, type LogRun } from "./containerRuns";
import { type LogSnapshot, LogTimeline } from "./logTimeline";
import { toPodView } from "./podView";

/** Where followed lines go: an HTTP response for pods/log, a websocket for attach. */
export interface LogSink {
  writeRange(timeline: LogTimeline, snapshot: LogSnapshot, from: number, to: number): Promise<void>;
  /** True once nothing more can or should be written. */
  readonly done: boolean;
}

export interface FollowOptions {
  sink: LogSink;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  store: ObjectStore;
  timeline: LogTimeline;
  /** The next line index to write. */
  cursor: number;
  podUid: string | undefined;
  namespace: string;
  podName: string;
  now: () => number;
}

/** Why following stopped; "ended" carries the finished run (for its exit code). */
export type FollowEnd = { reason: "ended"; run: LogRun } | { reason: "deleted" | "closed" | "done" };

/** Longest sleep between checks, so a clock jump never stalls a follower for long. */
const maxSleepMs = 10_000;

/**
 * Writes lines as their time comes, until the run ends (then its last lines), the pod is
 * deleted, the sink is done, or the client goes away; leaves no timer or watch behind.
 */
export function followLog(options: FollowOptions): Promise<FollowEnd> {
  return new Promise((resolve) => new LogFollower(options, resolve).start());
}

class LogFollower {
  private cursor: number;
  private timer?: NodeJS.Timeout;
  private queue = Promise.resolve();
  private stopped = false;
  private unwatch: () => void = () => undefined;
  private readonly onAbort = () => this.stop({ reason: "closed" });

  constructor(private readonly options: FollowOptions, private readonly resolve: (end: FollowEnd) => void) {
    this.cursor = options.cursor;
  }

  start(): void {
    const { store, signal } = this.options;
    this.unwatch = store.watch("pods", store.resourceVersion, (event) => this.onPodEvent(event));
    if (signal.aborted) return this.stop({ reason: "closed" });
    signal.addEventListener("abort", this.onAbort, { once: true });
    this.schedule();
  }

  private stop(end: FollowEnd): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.unwatch();
    this.options.signal.removeEventListener("abort", this.onAbort);
    this.resolve(end);
  }

  /** Serialises writes: ticks and the final flush never interleave. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(() => (this.stopped ? undefined : work())).catch(() => this.stop({ reason: "closed" }));
  }

  private schedule(): void {
    const dueIn = this.options.timeline.regularTime(this.cursor) - this.options.now() + 1;
    this.timer = setTimeout(() => this.enqueue(() => this.tick()), Math.min(Math.max(dueIn, 0), maxSleepMs));
  }

  private async tick(): Promise<void> {
    const { timeline, sink, now, signal } = this.options;
    const snapshot = timeline.snapshot(now());
    await sink.writeRange(timeline, snapshot, this.cursor, snapshot.total);
    this.cursor = Math.max(this.cursor, snapshot.total);
    if (sink.done) this.stop({ reason: signal.aborted ? "closed" : "done" });
    else this.schedule();
  }

  private async finish(ended: LogRun | undefined): Promise<void> {
    clearTimeout(this.timer);
    const timeline = ended ? new LogTimeline(ended) : this.options.timeline;
    const snapshot = timeline.snapshot(this.options.now());
    // Lines already sent past the final regular end stay sent; the run's last lines still follow.
    await this.options.sink.writeRange(timeline, snapshot, Math.min(this.cursor, snapshot.regularEnd), snapshot.total);
    this.stop(ended ? { reason: "ended", run: ended } : { reason: "deleted" });
  }

  private onPodEvent(event: StoreEvent): void {
    const { podName, namespace, podUid, timeline, now } = this.options;
    const meta = event.object.metadata;
    if (meta.name !== podName || meta.namespace !== namespace) return;
    if (podUid && meta.uid && meta.uid !== podUid) return;
    if (event.type === "DELETED") return this.enqueue(() => this.finish(undefined));
    const ended = finishedVersionOf(toPodView(event.object), timeline.run, now());
    if (ended) this.enqueue(() => this.finish(ended));
  }
}
