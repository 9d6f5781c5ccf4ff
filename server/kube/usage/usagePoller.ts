import { log } from "@/server/log";
import { fetchMetricsList, type FetchedList, type MetricsResource, type UsageRequester } from "./fetchMetricsList";
import { mergeSamples, UsageSamples, type ResourceUsage, type UsageSource } from "./usageLookup";

export type { UsageRequester } from "./fetchMetricsList";

/** Whether CPU and memory can be shown, and if not, why, for a person. */
export type UsageStatus = { state: "available" } | { state: "unavailable"; reason: string };

export interface UsagePollerOptions {
  /** Time between the end of one poll and the start of the next (default 15 s, metrics-server's resolution). */
  intervalMs?: number;
  /** A request gives up after this long (default 10 s, at most the interval). */
  timeoutMs?: number;
  /** Samples of a list whose polls fail are kept this long after its last success, then dropped (default 3 intervals). */
  maxSampleAgeMs?: number;
  now?: () => number;
}

export const DEFAULT_USAGE_INTERVAL_MS = 15_000;
const notAskedYet: UsageStatus = { state: "unavailable", reason: "waiting for the first answer from the metrics API (metrics.k8s.io)" };

/** Polls metrics.k8s.io for pod and node usage with Orrery's own identity; polls never overlap. */
export class UsagePoller implements UsageSource {
  private samples = UsageSamples.empty;
  private current: UsageStatus = notAskedYet;
  private readonly lastSuccessAt: Record<MetricsResource, number> = { pods: -Infinity, nodes: -Infinity };
  private readonly listeners = new Set<() => void>();
  /** Cancels the poll under way; one per poll, so no long-lived signal collects listeners. */
  private aborter: AbortController | undefined;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxSampleAgeMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private loggedReason: string | undefined;
  private stopped = false;

  constructor(private readonly requester: UsageRequester, options: UsagePollerOptions = {}) {
    this.intervalMs = options.intervalMs ?? DEFAULT_USAGE_INTERVAL_MS;
    if (!(this.intervalMs > 0)) throw new RangeError(`the usage poll interval must be positive, not ${this.intervalMs} ms`);
    this.timeoutMs = Math.min(options.timeoutMs ?? 10_000, this.intervalMs);
    this.maxSampleAgeMs = options.maxSampleAgeMs ?? 3 * this.intervalMs;
    this.now = options.now ?? Date.now;
  }

  /** Polls now and then every interval until stop(). */
  start(): void {
    if (this.stopped || this.timer || this.inFlight) return;
    void this.tick();
  }

  lookup(): UsageSamples {
    return this.samples;
  }

  status(): UsageStatus {
    return this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One poll now; joins the poll under way if there is one. */
  pollNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.inFlight ??= this.pollOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Cancels the timer and any request under way; resolves when the poll under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.aborter?.abort();
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    await this.pollNow();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<void> {
    const aborter = (this.aborter = new AbortController());
    const [pods, nodes] = await Promise.all([
      fetchMetricsList(this.requester, "pods", aborter.signal, this.timeoutMs),
      fetchMetricsList(this.requester, "nodes", aborter.signal, this.timeoutMs),
    ]);
    this.aborter = undefined;
    if (this.stopped) return;
    const podSamples = mergeSamples(this.samples.pods, this.keptSamples("pods", pods, this.samples.pods));
    const nodeSamples = mergeSamples(this.samples.nodes, this.keptSamples("nodes", nodes, this.samples.nodes));
    const status = statusOf(pods, nodes);
    const statusChanged = status.state !== this.current.state || reasonOf(status) !== reasonOf(this.current);
    if (podSamples.changed || nodeSamples.changed) this.samples = new UsageSamples(podSamples.samples, nodeSamples.samples);
    this.current = statusChanged ? status : this.current;
    this.report(status, pods, nodes);
    if (podSamples.changed || nodeSamples.changed || statusChanged) this.notify();
  }

  /** A successful list replaces the samples; after a failure they are kept until they are too old to show. */
  private keptSamples(resource: MetricsResource, fetched: FetchedList, previous: ReadonlyMap<string, ResourceUsage>): ReadonlyMap<string, ResourceUsage> {
    const now = this.now();
    if (fetched.ok) {
      this.lastSuccessAt[resource] = now;
      return fetched.samples;
    }
    return now - this.lastSuccessAt[resource] > this.maxSampleAgeMs ? new Map() : previous;
  }

  // One warning when usage becomes unavailable (or the reason changes), not one per poll.
  private report(status: UsageStatus, pods: FetchedList, nodes: FetchedList): void {
    const skipped = (pods.ok ? pods.skipped : 0) + (nodes.ok ? nodes.skipped : 0);
    if (skipped > 0) log.debug({ skipped }, "left out malformed items of the metrics API's lists");
    if (status.state === "unavailable") {
      if (status.reason !== this.loggedReason) log.warn({ reason: status.reason }, "CPU and memory usage is unavailable; asking again every interval");
      this.loggedReason = status.reason;
    } else if (this.loggedReason !== undefined) {
      log.info("the metrics API (metrics.k8s.io) answers again; CPU and memory usage is available");
      this.loggedReason = undefined;
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (err) {
        log.error({ err }, "a usage listener failed");
      }
    }
  }
}

const reasonOf = (status: UsageStatus) => (status.state === "unavailable" ? status.reason : "");

/** Available when both lists were read; otherwise the distinct reasons, pods' first. */
function statusOf(pods: FetchedList, nodes: FetchedList): UsageStatus {
  const reasons = [pods, nodes].flatMap((fetched) => (fetched.ok ? [] : [fetched.reason]));
  return reasons.length === 0 ? { state: "available" } : { state: "unavailable", reason: [...new Set(reasons)].join("; ") };
}

/** A poller that has started its first poll; stop it with stop(). */
export function startUsagePoller(requester: UsageRequester, options: UsagePollerOptions = {}): UsagePoller {
  const poller = new UsagePoller(requester, options);
  poller.start();
  return poller;
}
